using System;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>Organizations is a global service with one endpoint per partition, signed for that partition's home region.</summary>
    public sealed class OrganizationsEndpoint
    {
        private OrganizationsEndpoint(string signingRegion, string dnsSuffix)
        {
            SigningRegion = signingRegion;
            Url = new Uri($"https://organizations.{signingRegion}.{dnsSuffix}");
        }

        public Uri Url { get; }
        public string SigningRegion { get; }

        public static OrganizationsEndpoint For(AwsPartition partition) => partition.Id switch
        {
            "aws" => new OrganizationsEndpoint("us-east-1", partition.DnsSuffix),
            "aws-cn" => new OrganizationsEndpoint("cn-northwest-1", partition.DnsSuffix),
            "aws-us-gov" => new OrganizationsEndpoint("us-gov-west-1", partition.DnsSuffix),
            _ => throw new DynatraceAwsException("OrganizationsPartitionNotSupported", FailureCategory.InvalidArgument,
                $"The module does not know the AWS Organizations endpoint of the partition {partition.Id}.",
                "Pass -EndpointUrl with the Organizations endpoint of that partition."),
        };
    }
}
