using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// An AWS partition as AWS's own table states it (partitions.json, embedded: botocore's copy,
    /// the same as shared/contracts/aws/partitions.json): its id, which is also the second field of its
    /// ARNs, its DNS suffix, its regions, and the IAM endpoint and signing region that follow from them.
    /// </summary>
    public sealed class AwsPartition
    {
        private const string TableResource = "DynatraceAws.Core.Aws.partitions.json";

        /// <summary>
        /// IAM is global: one endpoint per partition, iam.{global region}.{DNS suffix} signed for the
        /// partition's implicit global region, except where IAM's endpoint rule set (botocore
        /// iam/2010-05-08/endpoint-rule-set-1.json) names another host or signing region.
        /// </summary>
        private static readonly IReadOnlyDictionary<string, (string Host, string SigningRegion)> IamExceptions =
            new Dictionary<string, (string, string)>
            {
                ["aws"] = ("iam.amazonaws.com", "us-east-1"),
                ["aws-us-gov"] = ("iam.us-gov.amazonaws.com", "us-gov-west-1"),
                ["aws-cn"] = ("iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
            };

        private readonly Regex _regionPattern;
        private readonly HashSet<string> _regions;

        private AwsPartition(string id, string dnsSuffix, string globalRegion, Regex regionPattern, IEnumerable<string> regions)
        {
            Id = id;
            DnsSuffix = dnsSuffix;
            GlobalRegion = globalRegion;
            _regionPattern = regionPattern;
            // The table also lists the pseudo-regions of global endpoints (aws-global); they do not match the pattern.
            _regions = new HashSet<string>(regions.Where(r => regionPattern.IsMatch(r)), StringComparer.Ordinal);
            Regions = _regions.OrderBy(r => r, StringComparer.Ordinal).ToArray();
            var (iamHost, iamSigningRegion) = IamExceptions.TryGetValue(id, out var exception)
                ? exception
                : ($"iam.{globalRegion}.{dnsSuffix}", globalRegion);
            IamEndpoint = new Uri("https://" + iamHost);
            IamSigningRegion = iamSigningRegion;
        }

        /// <summary>Every partition of the table, in its order.</summary>
        public static IReadOnlyList<AwsPartition> All { get; } = Load();

        /// <summary>The commercial partition, aws: the only one whose accounts Dynatrace can monitor.</summary>
        public static AwsPartition Commercial { get; } = All.Single(p => p.Id == "aws");

        /// <summary>The partition id, which is also the second field of its ARNs (arn:aws-cn:iam::...).</summary>
        public string Id { get; }

        public string DnsSuffix { get; }

        /// <summary>The region global services of the partition are signed for (implicitGlobalRegion): us-east-1 for aws.</summary>
        public string GlobalRegion { get; }

        /// <summary>The partition's real regions, in name order.</summary>
        public IReadOnlyList<string> Regions { get; }

        public Uri IamEndpoint { get; }

        public string IamSigningRegion { get; }

        /// <summary>Whether <paramref name="region"/> is one of the partition's real regions (not only of their shape).</summary>
        public bool HasRegion(string region) => _regions.Contains(region);

        /// <summary>
        /// The partition a region belongs to: the one that lists it, else the one whose region pattern
        /// it matches, else aws, as the AWS SDKs decide, so that a region newer than the table still works.
        /// </summary>
        public static AwsPartition ForRegion(string region, string fieldName = "Region")
        {
            AwsRegionName.Validate(region, fieldName);
            return All.FirstOrDefault(p => p.HasRegion(region))
                   ?? All.FirstOrDefault(p => p._regionPattern.IsMatch(region))
                   ?? Commercial;
        }

        /// <summary>
        /// The partition of a region whose accounts Dynatrace is to monitor. Dynatrace assumes the
        /// monitoring role from a commercial-partition account, and no IAM role can trust a principal
        /// of another partition, so any other partition is refused.
        /// </summary>
        public static AwsPartition ForDynatraceMonitoring(string region, string fieldName = "Region")
        {
            var partition = ForRegion(region, fieldName);
            if (partition != Commercial)
                throw new InvalidInputException("PartitionNotSupported", fieldName, region,
                    $"is in the AWS partition {partition.Id}. Dynatrace monitors AWS from an account of the commercial partition (aws), " +
                    "and IAM roles cannot trust principals of another partition.",
                    $"Use a region of the commercial partition for {fieldName}, such as us-east-1 or eu-central-1.");
            return partition;
        }

        /// <summary>The regional STS endpoint, https://sts.{region}.{dnsSuffix}, signed for that region.</summary>
        public Uri StsEndpoint(string region, string fieldName = "Region")
        {
            if (ForRegion(region, fieldName) != this)
                throw new ArgumentException($"{fieldName} '{region}' is not in the AWS partition {Id}.", fieldName);
            return new Uri($"https://sts.{region}.{DnsSuffix}");
        }

        public override string ToString() => Id;

        private static IReadOnlyList<AwsPartition> Load()
        {
            using var stream = typeof(AwsPartition).Assembly.GetManifestResourceStream(TableResource)
                               ?? throw new InvalidOperationException($"The module's assembly lacks its resource {TableResource}.");
            using var table = JsonDocument.Parse(stream);
            return table.RootElement.GetProperty("partitions").EnumerateArray().Select(partition =>
            {
                var outputs = partition.GetProperty("outputs");
                return new AwsPartition(
                    partition.GetProperty("id").GetString()!,
                    outputs.GetProperty("dnsSuffix").GetString()!,
                    outputs.GetProperty("implicitGlobalRegion").GetString()!,
                    new Regex(partition.GetProperty("regionRegex").GetString()!, RegexOptions.ECMAScript | RegexOptions.CultureInvariant),
                    partition.GetProperty("regions").EnumerateObject().Select(r => r.Name));
            }).ToArray();
        }
    }
}
