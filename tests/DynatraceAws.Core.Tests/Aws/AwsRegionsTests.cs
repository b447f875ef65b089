using DynatraceAws.Core.Aws;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws
{
    public class AwsRegionsTests
    {
        [Theory]
        [InlineData("us-east-1", "aws")]
        [InlineData("ap-southeast-7", "aws")]
        [InlineData("cn-northwest-1", "aws-cn")]
        [InlineData("us-gov-west-1", "aws-us-gov")]
        [InlineData("eusc-de-east-1", "aws-eusc")]
        [InlineData("us-isof-east-1", "aws-iso-f")]
        public void A_real_region_is_known_with_its_partition(string region, string partitionId)
        {
            Assert.True(AwsRegions.IsKnown(region));
            Assert.Equal(partitionId, AwsRegions.PartitionOf(region)!.Id);
        }

        [Theory]
        [InlineData("us-east-9")]
        [InlineData("eu-wset-1")]
        [InlineData("aws-global")]
        [InlineData("xy-newplace-7")]
        [InlineData("US-EAST-1")]
        [InlineData("")]
        public void A_name_no_partition_lists_is_not_known_even_with_a_region_s_shape(string region)
        {
            Assert.False(AwsRegions.IsKnown(region));
            Assert.Null(AwsRegions.PartitionOf(region));
        }

        [Theory]
        [InlineData("us-east-9", "us-east-1,us-east-2")]
        [InlineData("eu-wset-1", "eu-west-1")]
        [InlineData("EU-WEST-1", "eu-west-1")]
        [InlineData("eu-west-4", "eu-west-1,eu-west-2,eu-west-3")]
        [InlineData("us-east1", "us-east-1")]
        [InlineData("useast1", "us-east-1")]
        [InlineData("eu-centrall-1", "eu-central-1")]
        [InlineData("cn-nroth-1", "cn-north-1")]
        [InlineData("us-gov-wset-1", "us-gov-west-1")]
        [InlineData("ap-southeast-2", "ap-southeast-2")]
        public void A_near_miss_gets_the_nearest_real_regions(string name, string expected)
        {
            Assert.Equal(expected.Split(','), AwsRegions.NearestTo(name));
        }

        [Theory]
        [InlineData("frankfurt")]
        [InlineData("europe-west-1")]
        [InlineData("")]
        public void A_name_far_from_every_region_gets_no_suggestion(string name)
        {
            Assert.Empty(AwsRegions.NearestTo(name));
        }
    }
}
