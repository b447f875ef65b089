using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class MonitoringConfigurationsTests : EmulatorTest
{
    private const string Account = "123456789012";

    private MonitoringConfigurations Configurations => new(Environment, Log, Retry);

    private async Task<AwsConnection> ConnectionAsync() =>
        (await new AwsConnections(Environment, Log, Retry).EnsureAsync("prod", Account, CancellationToken.None)).Item;

    [Fact]
    public async Task Creates_the_seed_configuration_with_the_active_version_and_us_east_1_added()
    {
        var connection = await ConnectionAsync();
        var (plan, addedGlobalRegion) = await Configurations.PlanEnsureAsync(new MonitoringConfigurationSpec
        {
            AccountId = Account, ConnectionId = connection.ConnectionId, ConnectionName = connection.ConnectionName, Regions = new[] { "eu-west-1" },
        }, CancellationToken.None);
        var created = await plan.ApplyAsync(CancellationToken.None);

        Assert.True(plan.HasChanges);
        Assert.True(addedGlobalRegion);
        Assert.Equal(Account, created.AccountId);
        Assert.Equal(new[] { "us-east-1", "eu-west-1" }, created.Region);
        Assert.Equal("aws-123456789012", created.Description);

        var stored = Assert.Single(Emulator.Dynatrace.MonitoringConfigurations);
        Assert.Equal(created.ConfigurationId, stored.ObjectId);
        var value = JsonNode.Parse(stored.ValueJson)!;
        var active = Emulator.Dynatrace.FindExtension("com.dynatrace.extension.da-aws")!;
        Assert.Equal(active.ActiveVersion, (string?)value["version"]);
        Assert.Equal("DATA_ACQUISITION", (string?)value["activationContext"]);
        Assert.Equal(14, ((JsonArray)value["featureSets"]!).Count);
        Assert.Equal("prod", (string?)value["aws"]!["credentials"]![0]!["description"]);
    }

    [Fact]
    public async Task A_rerun_for_the_account_returns_its_configuration_and_writes_nothing()
    {
        var connection = await ConnectionAsync();
        var spec = new MonitoringConfigurationSpec { AccountId = Account, ConnectionId = connection.ConnectionId, Regions = new[] { "us-east-1" } };
        var first = await Configurations.EnsureAsync(spec, CancellationToken.None);
        Emulator.Log.Clear();

        var (plan, _) = await Configurations.PlanEnsureAsync(spec, CancellationToken.None);
        var second = await plan.ApplyAsync(CancellationToken.None);

        Assert.False(plan.HasChanges);
        Assert.Equal(first.Item.ConfigurationId, second.ConfigurationId);
        Assert.Empty(Emulator.Log.Writes);
        Assert.Contains("already has", plan.Unchanged);
    }

    [Fact]
    public async Task A_concurrent_create_for_the_same_account_returns_the_winner()
    {
        var connection = await ConnectionAsync();
        var spec = MonitoringConfigurations.Normalize(new MonitoringConfigurationSpec { AccountId = Account, ConnectionId = connection.ConnectionId }, DaAwsChoices.Offline, out _);
        var first = await Configurations.CreateAsync(spec, CancellationToken.None);
        var second = await Configurations.CreateAsync(spec, CancellationToken.None);
        Assert.False(second.Changed);
        Assert.Equal(first.Item.ConfigurationId, second.Item.ConfigurationId);
    }

    [Theory]
    [InlineData("1-starts-with-digit", null, "Description")]
    [InlineData(null, "not a region", "Region")]
    public async Task Bad_input_fails_before_any_call(string? description, string? region, string field)
    {
        var spec = new MonitoringConfigurationSpec
        {
            AccountId = Account, ConnectionId = "c", Description = description, Regions = new[] { region ?? "us-east-1" },
        };
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Configurations.EnsureAsync(spec, CancellationToken.None));
        Assert.Equal(field, error.Field);
        Assert.Empty(Emulator.Log.Entries);
    }

    [Fact]
    public async Task A_connection_that_does_not_exist_is_refused_before_any_write()
    {
        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            Configurations.EnsureAsync(new MonitoringConfigurationSpec { AccountId = Account, ConnectionId = "missing-connection" }, CancellationToken.None));

        Assert.Equal("ConnectionNotFound", error.ErrorId);
        Assert.Contains("missing-connection", error.Message);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task Another_accounts_connection_is_refused_before_any_write_naming_both_accounts()
    {
        var connection = await ConnectionAsync();
        Emulator.Dynatrace.RoleCheckOverride = (_, _, _) => null;
        await new AwsConnections(Environment, Log, Retry).SetRoleArnAsync(connection.ConnectionId, $"arn:aws:iam::{Account}:role/DynatraceMonitoringRole",
            new RoleArnOptions(), CancellationToken.None);
        Emulator.Log.Clear();

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            Configurations.EnsureAsync(new MonitoringConfigurationSpec { AccountId = "210987654321", ConnectionId = connection.ConnectionId }, CancellationToken.None));

        Assert.Equal("ConnectionOfAnotherAccount", error.ErrorId);
        Assert.Contains($"AWS account {Account}'s", error.Message);
        Assert.Contains("Get-DtAwsConnection -AccountId 210987654321", error.RecommendedAction);
        Assert.Empty(Emulator.Log.Writes);
    }
}
