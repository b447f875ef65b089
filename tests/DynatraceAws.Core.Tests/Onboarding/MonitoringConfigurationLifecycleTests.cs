using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Emulator;
using DynatraceAws.Core.Tests.Support;
using Xunit;
using PageParameters = DynatraceAws.Emulator.Dynatrace.PageParameters;

namespace DynatraceAws.Core.Tests.Onboarding;

public class MonitoringConfigurationLifecycleTests : EmulatorTest
{
    private MonitoringConfigurations Configurations => new(Environment, Log, Retry);

    private DynatraceApi Api => new(Emulator.BaseUrl);

    /// <summary>A connection and a configuration for a new account, regions us-east-1 and eu-central-1, enabled.</summary>
    private async Task<(string Account, string ConnectionId, string ConfigurationId)> OnboardAsync()
    {
        using var api = Api;
        var account = Payloads.UniqueAccountId();
        var (connectionId, configurationId) = await api.OnboardAsync(account);
        return (account, connectionId, configurationId);
    }

    private JsonObject StoredValue(string configurationId) =>
        JsonNode.Parse(Emulator.Dynatrace.MonitoringConfigurations.Single(c => c.ObjectId == configurationId).ValueJson)!.AsObject();

    /// <summary>The docs say page-key, Dynatrace's own clients send next-page-key: the list is read whole whichever the API takes.</summary>
    [Theory]
    [InlineData(PageParameters.NextPageKey, true, 3)]
    [InlineData(PageParameters.PageKey, true, 2)]
    [InlineData(PageParameters.NextPageKey, false, 3)]
    public async Task Lists_all_521_configurations_across_pages_of_500_whichever_page_key_the_API_takes(string pageKey, bool refusesOther, int requests)
    {
        using var api = Api;
        await Task.WhenAll(Enumerable.Range(0, 521).Select(_ => api.OnboardAsync(Payloads.UniqueAccountId())));
        Emulator.Dynatrace.PageParameters.ExtensionsPageKey = pageKey;
        Emulator.Dynatrace.PageParameters.ExtensionsRefuseOtherPageKey = refusesOther;
        Emulator.Log.Clear();

        var all = await Configurations.ListAsync(new MonitoringConfigurationFilter(), CancellationToken.None);

        Assert.Equal(521, all.Count);
        Assert.Equal(521, all.Select(c => c.ConfigurationId).Distinct().Count());
        Assert.Equal(requests, Emulator.Log.Entries.Count);
    }

    [Fact]
    public async Task Filters_by_account_connection_and_id()
    {
        var first = await OnboardAsync();
        var second = await OnboardAsync();

        var byAccount = await Configurations.ListAsync(new MonitoringConfigurationFilter { AccountId = first.Account }, CancellationToken.None);
        var byConnection = await Configurations.ListAsync(new MonitoringConfigurationFilter { ConnectionId = second.ConnectionId }, CancellationToken.None);
        var byId = await Configurations.ListAsync(new MonitoringConfigurationFilter { ConfigurationId = second.ConfigurationId }, CancellationToken.None);
        var mismatch = await Configurations.ListAsync(
            new MonitoringConfigurationFilter { ConfigurationId = second.ConfigurationId, AccountId = first.Account }, CancellationToken.None);

        Assert.Equal(first.ConfigurationId, Assert.Single(byAccount).ConfigurationId);
        Assert.Equal(second.ConfigurationId, Assert.Single(byConnection).ConfigurationId);
        Assert.Equal(second.Account, Assert.Single(byId).AccountId);
        Assert.Empty(mismatch);
    }

    [Fact]
    public async Task An_unknown_id_is_ConfigurationNotFound_for_reading_changing_and_status()
    {
        var change = new MonitoringConfigurationChange { Enabled = false };

        var errors = new[]
        {
            await Assert.ThrowsAsync<DynatraceAwsException>(() => Configurations.GetAsync("nope", CancellationToken.None)),
            await Assert.ThrowsAsync<DynatraceAwsException>(() => Configurations.UpdateAsync("nope", change, CancellationToken.None)),
            await Assert.ThrowsAsync<DynatraceAwsException>(() => Configurations.StatusAsync("nope", CancellationToken.None)),
        };

        Assert.All(errors, e => Assert.Equal("ConfigurationNotFound", e.ErrorId));
        Assert.All(errors, e => Assert.Equal(FailureCategory.ObjectNotFound, e.Category));
        Assert.Null(await Configurations.FindByIdAsync("nope", CancellationToken.None));
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task An_update_sends_back_every_field_it_does_not_change_including_unknown_ones_and_tenantInstanceId()
    {
        var (_, _, id) = await OnboardAsync();
        using (var api = Api)
        {
            var read = JsonNode.Parse((await api.GetAsync($"{DynatraceApi.Configurations}/{id}")).Body.GetRawText())!;
            var value = read["value"]!.AsObject();
            value["futureSetting"] = new JsonObject { ["keep"] = true };
            value["aws"]!["futureAwsSetting"] = "x";
            await api.PutAsync($"{DynatraceApi.Configurations}/{id}", new JsonObject { ["value"] = value.DeepClone() });
        }
        var expected = StoredValue(id);
        Assert.NotNull((string?)expected["tenantInstanceId"]);
        Emulator.Log.Clear();

        var change = new MonitoringConfigurationChange { Regions = new[] { "eu-west-1" }, Description = "aws-renamed" };
        var (plan, addedGlobalRegion) = await Configurations.PlanUpdateAsync(id, change, CancellationToken.None);
        var outcome = new Outcome<MonitoringConfiguration>(await plan.ApplyAsync(CancellationToken.None), plan.HasChanges);

        Assert.True(outcome.Changed);
        Assert.True(outcome.Item.Changed);
        Assert.Equal(new[] { "us-east-1", "eu-west-1" }, outcome.Item.Region);
        Assert.Equal("aws-renamed", outcome.Item.Description);
        expected["description"] = "aws-renamed";
        expected["aws"]!["regionFiltering"] = new JsonArray("us-east-1", "eu-west-1");
        expected["aws"]!["metricsConfiguration"]!["regions"] = new JsonArray("us-east-1", "eu-west-1");
        Assert.True(JsonNode.DeepEquals(expected, StoredValue(id)), StoredValue(id).ToJsonString());
        Assert.Equal(new[] { "PUT" }, Emulator.Log.Writes.Select(w => w.Method));
        Assert.True(addedGlobalRegion);

        var (again, addedAgain) = await Configurations.PlanUpdateAsync(id, change, CancellationToken.None);
        Assert.False(again.HasChanges);
        Assert.False((await again.ApplyAsync(CancellationToken.None)).Changed);
        Assert.False(addedAgain);
    }

    [Fact]
    public async Task Nothing_is_written_when_nothing_differs_not_even_the_order_of_regions()
    {
        var (_, _, id) = await OnboardAsync();
        var current = await Configurations.GetAsync(id, CancellationToken.None);
        Emulator.Log.Clear();

        var (plan, _) = await Configurations.PlanUpdateAsync(id, new MonitoringConfigurationChange
        {
            Regions = new[] { "eu-central-1;us-east-1" },
            FeatureSets = current.FeatureSet.Reverse().ToArray(),
            Description = current.Description,
            Enabled = true,
        }, CancellationToken.None);
        await plan.ApplyAsync(CancellationToken.None);

        Assert.False(plan.HasChanges);
        Assert.Empty(Emulator.Log.Writes);
        Assert.Contains("nothing to write", plan.Unchanged);
    }

    [Fact]
    public async Task Empty_values_as_from_an_empty_CSV_cell_change_nothing()
    {
        var (_, _, id) = await OnboardAsync();
        Emulator.Log.Clear();

        var (plan, addedGlobalRegion) = await Configurations.PlanUpdateAsync(id,
            new MonitoringConfigurationChange { Regions = new[] { "" }, FeatureSets = new[] { " " }, Description = "" }, CancellationToken.None);

        Assert.False(plan.HasChanges);
        Assert.False(addedGlobalRegion);
    }

    [Fact]
    public async Task Disable_then_disable_again_writes_once_and_enable_writes_again()
    {
        var (_, _, id) = await OnboardAsync();
        Emulator.Log.Clear();
        var disable = new MonitoringConfigurationChange { Enabled = false };

        var disabled = await Configurations.UpdateAsync(id, disable, CancellationToken.None);
        var again = await Configurations.UpdateAsync(id, disable, CancellationToken.None);
        Assert.Single(Emulator.Log.Writes);
        var enabled = await Configurations.UpdateAsync(id, new MonitoringConfigurationChange { Enabled = true }, CancellationToken.None);

        Assert.True(disabled.Changed);
        Assert.False(disabled.Item.Enabled);
        Assert.False(again.Changed);
        Assert.True(enabled.Changed);
        Assert.True((bool)StoredValue(id)["enabled"]!);
        Assert.Equal(2, Emulator.Log.Writes.Count);
    }

    [Fact]
    public async Task A_plan_says_what_would_change_and_writes_nothing()
    {
        var (_, _, id) = await OnboardAsync();
        Emulator.Log.Clear();

        var (plan, _) = await Configurations.PlanUpdateAsync(id,
            new MonitoringConfigurationChange { Enabled = false, FeatureSets = new[] { "EC2_essential" } }, CancellationToken.None);

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ChangeAction.Update, "state"), (change.Action, change.Before!.Split(' ')[0]));
        Assert.StartsWith("state disabled; ", change.After);
        Assert.Contains("feature sets EC2_essential", change.After);
        Assert.True(plan.Result().Enabled);
        Assert.Empty(Emulator.Log.Writes);

        var updated = await plan.ApplyAsync(CancellationToken.None);
        Assert.False(updated.Enabled);
        Assert.Equal(new[] { "EC2_essential" }, updated.FeatureSet);
        Assert.Single(Emulator.Log.Writes);
    }

    [Theory]
    [InlineData(null, "1-starts-with-digit", "Description")]
    [InlineData("not a region", null, "Region")]
    public async Task A_bad_change_fails_before_any_call(string? region, string? description, string field)
    {
        var change = new MonitoringConfigurationChange { Regions = region is null ? null : new[] { region }, Description = description };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Configurations.UpdateAsync("any", change, CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Empty(Emulator.Log.Entries);
    }

    [Fact]
    public async Task Deletes_the_configuration_with_its_connection_and_a_second_delete_finds_it_gone()
    {
        var (_, connectionId, id) = await OnboardAsync();

        var first = await Configurations.DeleteAsync(id, CancellationToken.None);
        var second = await Configurations.DeleteAsync(id, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Empty(Emulator.Dynatrace.MonitoringConfigurations);
        Assert.DoesNotContain(Emulator.Dynatrace.Connections, c => c.ObjectId == connectionId);
        Assert.True(Log.Has("VERBOSE", "does not exist"));
    }

    [Fact]
    public async Task Reads_the_status_and_its_timestamp()
    {
        var (_, _, id) = await OnboardAsync();

        var status = await Configurations.StatusAsync(id, CancellationToken.None);

        Assert.Equal(id, status.ConfigurationId);
        Assert.Equal("PENDING", status.Status);
        Assert.NotNull(status.Timestamp);
    }

    [Fact]
    public void A_status_timestamp_in_Unix_milliseconds_as_the_classic_API_sends_it_is_read_too()
    {
        var status = MonitoringConfigurationStatus.From("id", JsonNode.Parse("""{"status":"OK","timestamp":1700000000000}"""));

        Assert.Equal(System.DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), status.Timestamp);
    }
}
