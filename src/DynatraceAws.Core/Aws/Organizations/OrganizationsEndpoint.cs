using System;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>
    /// Organizations is a global service: one endpoint per partition, organizations.{global region}.{DNS suffix},
    /// signed for the partition's global region (us-east-1, cn-northwest-1, us-gov-west-1, ...), as its
    /// endpoint rule set (botocore organizations/2016-11-28/endpoint-rule-set-1.json) resolves them.
    /// </summary>
    public sealed class OrganizationsEndpoint
    {
        private OrganizationsEndpoint(AwsPartition partition)
        {
            SigningRegion = partition.GlobalRegion;
            Url = new Uri($"https://organizations.{partition.GlobalRegion}.{partition.DnsSuffix}");
        }

        public Uri Url { get; }
        public string SigningRegion { get; }

        public static OrganizationsEndpoint For(AwsPartition partition) => new OrganizationsEndpoint(partition);
    }
}
