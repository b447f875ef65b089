using System;
using System.IO;
using System.Linq;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Input;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws
{
    public class AwsPartitionTests
    {
        [Fact]
        public void The_embedded_table_is_the_contract_file_byte_for_byte()
        {
            using var embedded = typeof(AwsPartition).Assembly.GetManifestResourceStream("DynatraceAws.Core.Aws.partitions.json")!;
            using var copy = new MemoryStream();
            embedded.CopyTo(copy);

            Assert.Equal(File.ReadAllBytes(SharedContracts.PathTo("contracts", "aws", "partitions.json")), copy.ToArray());
        }

        [Fact]
        public void Every_partition_of_the_table_is_known_with_its_real_regions_only()
        {
            Assert.Equal(new[] { "aws", "aws-cn", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-us-gov" },
                AwsPartition.All.Select(p => p.Id).OrderBy(id => id, StringComparer.Ordinal));
            Assert.Contains("ap-southeast-6", AwsPartition.Commercial.Regions);
            Assert.Contains("mx-central-1", AwsPartition.Commercial.Regions);
            Assert.DoesNotContain("aws-global", AwsPartition.Commercial.Regions);
            Assert.Equal(new[] { "cn-north-1", "cn-northwest-1" }, AwsPartition.ForRegion("cn-north-1").Regions);
            Assert.True(AwsPartition.Commercial.HasRegion("eu-west-1"));
            Assert.False(AwsPartition.Commercial.HasRegion("eu-west-9"));
        }

        [Theory]
        [InlineData("us-east-1", "https://organizations.us-east-1.amazonaws.com/", "us-east-1")]
        [InlineData("cn-north-1", "https://organizations.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1")]
        [InlineData("us-gov-east-1", "https://organizations.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
        [InlineData("us-isof-east-1", "https://organizations.us-isof-south-1.csp.hci.ic.gov/", "us-isof-south-1")]
        public void Organizations_is_reached_at_the_global_region_of_the_partition(string region, string endpoint, string signingRegion)
        {
            var organizations = OrganizationsEndpoint.For(AwsPartition.ForRegion(region));

            Assert.Equal((new Uri(endpoint), signingRegion), (organizations.Url, organizations.SigningRegion));
        }

        [Theory]
        [InlineData("us-east-1", "aws", "https://iam.amazonaws.com/", "us-east-1", "https://sts.us-east-1.amazonaws.com/")]
        [InlineData("eu-central-1", "aws", "https://iam.amazonaws.com/", "us-east-1", "https://sts.eu-central-1.amazonaws.com/")]
        [InlineData("il-central-1", "aws", "https://iam.amazonaws.com/", "us-east-1", "https://sts.il-central-1.amazonaws.com/")]
        [InlineData("cn-northwest-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1", "https://sts.cn-northwest-1.amazonaws.com.cn/")]
        [InlineData("us-gov-east-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1", "https://sts.us-gov-east-1.amazonaws.com/")]
        [InlineData("eusc-de-east-1", "aws-eusc", "https://iam.eusc-de-east-1.amazonaws.eu/", "eusc-de-east-1", "https://sts.eusc-de-east-1.amazonaws.eu/")]
        [InlineData("us-iso-east-1", "aws-iso", "https://iam.us-iso-east-1.c2s.ic.gov/", "us-iso-east-1", "https://sts.us-iso-east-1.c2s.ic.gov/")]
        [InlineData("us-isob-east-1", "aws-iso-b", "https://iam.us-isob-east-1.sc2s.sgov.gov/", "us-isob-east-1", "https://sts.us-isob-east-1.sc2s.sgov.gov/")]
        [InlineData("eu-isoe-west-1", "aws-iso-e", "https://iam.eu-isoe-west-1.cloud.adc-e.uk/", "eu-isoe-west-1", "https://sts.eu-isoe-west-1.cloud.adc-e.uk/")]
        [InlineData("us-isof-south-1", "aws-iso-f", "https://iam.us-isof-south-1.csp.hci.ic.gov/", "us-isof-south-1", "https://sts.us-isof-south-1.csp.hci.ic.gov/")]
        public void A_region_maps_to_its_partition_IAM_endpoint_signing_region_and_regional_STS(
            string region, string partitionId, string iamEndpoint, string signingRegion, string stsEndpoint)
        {
            var partition = AwsPartition.ForRegion(region);

            Assert.Equal(partitionId, partition.Id);
            Assert.Equal(new Uri(iamEndpoint), partition.IamEndpoint);
            Assert.Equal(signingRegion, partition.IamSigningRegion);
            Assert.Equal(new Uri(stsEndpoint), partition.StsEndpoint(region));
        }

        [Fact]
        public void A_well_formed_region_no_rule_claims_is_commercial_as_in_the_AWS_SDKs()
        {
            Assert.Same(AwsPartition.Commercial, AwsPartition.ForRegion("xy-newplace-7"));
        }

        [Fact]
        public void A_region_newer_than_the_table_goes_to_the_partition_whose_pattern_it_matches()
        {
            Assert.Equal("aws-us-gov", AwsPartition.ForRegion("us-gov-north-1").Id);
            Assert.Equal("aws-cn", AwsPartition.ForRegion("cn-south-2").Id);
            Assert.Equal("aws-eusc", AwsPartition.ForRegion("eusc-de-west-1").Id);
        }

        [Fact]
        public void STS_endpoints_are_only_built_for_regions_of_the_same_partition()
        {
            var error = Assert.Throws<ArgumentException>(() => AwsPartition.Commercial.StsEndpoint("cn-north-1"));

            Assert.Contains("cn-north-1", error.Message);
        }

        [Theory]
        [InlineData("cn-north-1", "aws-cn")]
        [InlineData("us-gov-west-1", "aws-us-gov")]
        [InlineData("eusc-de-east-1", "aws-eusc")]
        [InlineData("us-iso-east-1", "aws-iso")]
        [InlineData("us-isob-east-1", "aws-iso-b")]
        public void Partitions_that_cannot_trust_Dynatrace_are_refused_naming_region_partition_and_fix(string region, string partitionId)
        {
            var error = Assert.Throws<InvalidInputException>(() => AwsPartition.ForDynatraceMonitoring(region, "Region"));

            Assert.Equal("PartitionNotSupported", error.ErrorId);
            Assert.Equal("Region", error.Field);
            Assert.Equal(region, error.Value);
            Assert.Contains($"'{region}'", error.Message);
            Assert.Contains(partitionId, error.Message);
            Assert.Contains("commercial partition", error.Message);
        }

        [Fact]
        public void Commercial_regions_can_be_monitored()
        {
            Assert.Same(AwsPartition.Commercial, AwsPartition.ForDynatraceMonitoring("ap-southeast-2"));
        }

        [Theory]
        [InlineData("us-east-1", true)]
        [InlineData("us-gov-west-1", true)]
        [InlineData("eusc-de-east-1", true)]
        [InlineData("ap-southeast-10", true)]
        [InlineData("US-EAST-1", false)]
        [InlineData("us-east", false)]
        [InlineData("useast1", false)]
        [InlineData("us-east-1 ", false)]
        [InlineData("us_east_1", false)]
        [InlineData("aws-global", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void Region_names_have_the_AWS_shape(string? region, bool valid)
        {
            Assert.Equal(valid, AwsRegionName.IsValid(region));
        }

        [Fact]
        public void A_malformed_region_is_refused_naming_the_field_and_the_value()
        {
            var error = Assert.Throws<InvalidInputException>(() => AwsPartition.ForRegion("EU-West-1", "MonitoredRegions"));

            Assert.Equal("MonitoredRegions", error.Field);
            Assert.Equal("InvalidRegion", error.ErrorId);
            Assert.StartsWith("MonitoredRegions 'EU-West-1' is not an AWS region name", error.Message);
            Assert.Contains("'EU-West-1'", error.Message);
        }
    }
}
