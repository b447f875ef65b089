using System;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// An AWS partition: its ARN prefix, DNS suffix, the IAM endpoint and the region IAM requests
    /// are signed for (fixed per partition, whatever region the user works in).
    /// </summary>
    public sealed class AwsPartition
    {
        public static AwsPartition Commercial { get; } =
            new AwsPartition("aws", "amazonaws.com", "https://iam.amazonaws.com", "us-east-1");
        public static AwsPartition China { get; } =
            new AwsPartition("aws-cn", "amazonaws.com.cn", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1");
        public static AwsPartition GovCloud { get; } =
            new AwsPartition("aws-us-gov", "amazonaws.com", "https://iam.us-gov.amazonaws.com", "us-gov-west-1");
        public static AwsPartition EuropeanSovereignCloud { get; } =
            new AwsPartition("aws-eusc", "amazonaws.eu", "https://iam.eusc-de-east-1.amazonaws.eu", "eusc-de-east-1");
        public static AwsPartition Iso { get; } =
            new AwsPartition("aws-iso", "c2s.ic.gov", "https://iam.us-iso-east-1.c2s.ic.gov", "us-iso-east-1");
        public static AwsPartition IsoB { get; } =
            new AwsPartition("aws-iso-b", "sc2s.sgov.gov", "https://iam.us-isob-east-1.sc2s.sgov.gov", "us-isob-east-1");
        public static AwsPartition IsoE { get; } =
            new AwsPartition("aws-iso-e", "cloud.adc-e.uk", "https://iam.eu-isoe-west-1.cloud.adc-e.uk", "eu-isoe-west-1");
        public static AwsPartition IsoF { get; } =
            new AwsPartition("aws-iso-f", "csp.hci.ic.gov", "https://iam.us-isof-south-1.csp.hci.ic.gov", "us-isof-south-1");

        private AwsPartition(string id, string dnsSuffix, string iamEndpoint, string iamSigningRegion)
        {
            Id = id;
            DnsSuffix = dnsSuffix;
            IamEndpoint = new Uri(iamEndpoint);
            IamSigningRegion = iamSigningRegion;
        }

        /// <summary>The partition id, which is also the second field of its ARNs (arn:aws-cn:iam::...).</summary>
        public string Id { get; }

        public string DnsSuffix { get; }

        public Uri IamEndpoint { get; }

        public string IamSigningRegion { get; }

        /// <summary>
        /// The partition a region belongs to. A well-formed region no rule claims is commercial, as
        /// the AWS SDKs decide, so a region newer than this table still works.
        /// </summary>
        public static AwsPartition ForRegion(string region, string fieldName = "Region")
        {
            AwsRegionName.Validate(region, fieldName);
            if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return GovCloud;
            if (region.StartsWith("us-iso-", StringComparison.Ordinal)) return Iso;
            if (region.StartsWith("us-isob-", StringComparison.Ordinal)) return IsoB;
            if (region.StartsWith("eu-isoe-", StringComparison.Ordinal)) return IsoE;
            if (region.StartsWith("us-isof-", StringComparison.Ordinal)) return IsoF;
            if (region.StartsWith("cn-", StringComparison.Ordinal)) return China;
            if (region.StartsWith("eusc-", StringComparison.Ordinal)) return EuropeanSovereignCloud;
            return Commercial;
        }

        /// <summary>
        /// The partition of a region whose accounts Dynatrace is to monitor. Dynatrace assumes the
        /// monitoring role from a commercial-partition account, and no IAM role can trust a principal
        /// of another partition, so any other partition is refused.
        /// </summary>
        public static AwsPartition ForDynatraceMonitoring(string region, string fieldName = "Region")
        {
            var partition = ForRegion(region, fieldName);
            if (partition != Commercial) throw new PartitionNotSupportedException(region, partition, fieldName);
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
    }
}
