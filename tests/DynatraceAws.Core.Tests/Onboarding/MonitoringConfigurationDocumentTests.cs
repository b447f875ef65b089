using System.Linq;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class MonitoringConfigurationDocumentTests
{
    [Fact]
    public void Adds_us_east_1_first_when_missing_and_drops_duplicates()
    {
        var regions = MonitoringConfigurationDocument.NormalizeRegions(new[] { "EU-West-1", "eu-west-1;eu-central-1" }, DaAwsChoices.Offline, out var added);
        Assert.True(added);
        Assert.Equal(new[] { "us-east-1", "eu-west-1", "eu-central-1" }, regions);
    }

    [Fact]
    public void Keeps_the_order_when_us_east_1_is_there()
    {
        var regions = MonitoringConfigurationDocument.NormalizeRegions(new[] { "eu-west-1", "us-east-1" }, DaAwsChoices.Offline, out var added);
        Assert.False(added);
        Assert.Equal(new[] { "eu-west-1", "us-east-1" }, regions);
    }

    [Fact]
    public void Rejects_an_unknown_region_shape() =>
        Assert.Equal("Region", Assert.Throws<InvalidInputException>(() =>
            MonitoringConfigurationDocument.NormalizeRegions(new[] { "Mars-North" }, DaAwsChoices.Offline, out _)).Field);

    [Fact]
    public void Defaults_to_the_fourteen_feature_sets_of_the_seed()
    {
        var body = MonitoringConfigurationDocument.Build(new MonitoringConfigurationSpec { AccountId = "123456789012", ConnectionId = "c" }, "1.0.5");
        Assert.Equal(14, body["value"]!["featureSets"]!.AsArray().Count);
    }

    [Fact]
    public void Builds_every_field_the_seed_shows_with_equal_region_lists()
    {
        var spec = new MonitoringConfigurationSpec
        {
            AccountId = "123456789012", ConnectionId = "conn-1", ConnectionName = "prod",
            Regions = new[] { "us-east-1", "eu-west-1" }, FeatureSets = FeatureSets.Defaults, Description = "aws-prod",
            DeploymentRegion = "us-east-1",
        };
        var body = MonitoringConfigurationDocument.Build(spec, "1.0.0");
        Assert.Equal("integration-aws", (string?)body["scope"]);
        var value = body["value"]!;
        Assert.Equal("1.0.0", (string?)value["version"]);
        Assert.True((bool?)value["enabled"]);
        var aws = value["aws"]!;
        Assert.Equal(aws["regionFiltering"]!.ToJsonString(), aws["metricsConfiguration"]!["regions"]!.ToJsonString());
        var credential = aws["credentials"]![0]!;
        Assert.Equal("conn-1", (string?)credential["connectionId"]);
        Assert.Equal("123456789012", (string?)credential["accountId"]);
        Assert.Equal("prod", (string?)credential["description"]);
        foreach (var field in new[] { "smartscapeConfiguration", "deploymentRegion", "cloudWatchLogsConfiguration", "configurationMode",
                     "deploymentScope", "deploymentMode", "manualDeploymentStatus", "automatedDeploymentStatus" })
            Assert.NotNull(aws[field]);

        body["objectId"] = "cfg-1";
        var read = MonitoringConfigurationDocument.Read(body, "env");
        Assert.Equal(new[] { "us-east-1", "eu-west-1" }, read.Region);
        Assert.Equal(14, read.FeatureSet.Count);
        Assert.Equal("cfg-1", read.ConfigurationId);
        Assert.Equal(new[] { "123456789012" }, MonitoringConfigurationDocument.AccountIds(body).ToArray());
    }
}
