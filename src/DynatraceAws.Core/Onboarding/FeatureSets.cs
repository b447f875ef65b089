using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding
{
    public static class FeatureSets
    {
        /// <summary>The feature sets of seed 000's monitoring configuration.</summary>
        public static IReadOnlyList<string> Defaults { get; } = new[]
        {
            "ApplicationELB_essential", "AutoScaling_essential", "CloudFront_essential", "DynamoDB_essential",
            "EBS_essential", "EC2_essential", "ECS_essential", "Firehose_essential", "Lambda_essential",
            "NetworkELB_essential", "RDS_essential", "Route53_essential", "S3_essential", "SQS_essential",
        };
    }
}
