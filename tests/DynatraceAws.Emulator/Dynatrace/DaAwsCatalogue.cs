using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Emulator.Aws;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// What the emulated hub knows about com.dynatrace.extension.da-aws: its versions, the feature sets
/// and regions a monitoring configuration may name. Public so the client's tab-completion lists
/// can be compared with it.
/// </summary>
public static class DaAwsCatalogue
{
    public const string ExtensionName = "com.dynatrace.extension.da-aws";

    public const string Scope = "integration-aws";

    /// <summary>Ascending; the last is what an install without a version activates.</summary>
    public static IReadOnlyList<string> HubVersions { get; } = ["1.0.0", "1.0.5"];

    /// <summary>The feature sets of seed 000's monitoring configuration.</summary>
    public static IReadOnlyList<string> DefaultFeatureSets { get; } =
    [
        "ApplicationELB_essential", "AutoScaling_essential", "CloudFront_essential", "DynamoDB_essential",
        "EBS_essential", "EC2_essential", "ECS_essential", "Firehose_essential", "Lambda_essential",
        "NetworkELB_essential", "RDS_essential", "Route53_essential", "S3_essential", "SQS_essential",
    ];

    /// <summary>The feature sets the extension accepts, as da-aws-feature-sets.txt states them (its source is named there).</summary>
    public static IReadOnlySet<string> FeatureSets { get; } = EmbeddedFile.Lines("da-aws-feature-sets.txt").ToHashSet();

    /// <summary>The regions of the aws partition (partitions.json); GovCloud and China are not supported by da-aws.</summary>
    public static IReadOnlySet<string> Regions { get; } = AwsPartitions.Regions("aws");

    /// <summary>The seed: topology of global AWS resources is only polled in us-east-1.</summary>
    public const string RequiredRegion = "us-east-1";
}
