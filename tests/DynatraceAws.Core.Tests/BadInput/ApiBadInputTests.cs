using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using Xunit;
using static DynatraceAws.Core.Tests.BadInput.Hostile;

namespace DynatraceAws.Core.Tests.BadInput;

/// <summary>
/// Every Core call a cmdlet makes with user text, fed hostile values: each is refused with an
/// InvalidInputException naming the field, and the emulator sees no request for it.
/// </summary>
public sealed class ApiBadInputTests : EmulatorTest
{
    private const string Account = "330000000001";
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>So that a role ARN that slips through fails in a second, not after the two-minute propagation wait.</summary>
    private static readonly RoleArnOptions Fast = new()
    {
        PropagationTimeout = TimeSpan.FromSeconds(1), FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private async Task AssertRefused(string field, IEnumerable<(string Label, string? Value)> table, Func<string?, Task> call)
    {
        var problems = new List<string?>();
        foreach (var (label, value) in table)
            problems.Add(await ProblemAsync(label, field, Emulator.Log, () => call(value)));
        AssertAllRefused(problems);
    }

    [Fact]
    public void Environment_urls()
    {
        // Surrounding white space is trimmed on purpose (a pasted address), so the trailing-newline row is not hostile here.
        var table = Anywhere.Where(r => r.Label != "trailing newline").Concat(new (string, string?)[]
        {
            ("credentials", "https://user:secret@abc12345.apps.dynatrace.com"),
            ("path", "https://abc12345.apps.dynatrace.com/ui/apps"),
            ("query", "https://abc12345.apps.dynatrace.com/?x=1"),
            ("fragment", "https://abc12345.apps.dynatrace.com/#x"),
            ("javascript", "javascript:alert(1)"),
            ("spaces in host", "https://abc 12345.apps.dynatrace.com"),
            ("unicode host", "https://ábc12345.apps.dynatrace.com"),
            ("10k host label", "https://" + TenThousand + ".apps.dynatrace.com"),
        });
        // A host that parses but whose first label is no environment id is refused as the EnvironmentId it implies.
        AssertAllRefused(table.Select(row => WrongRejection(Record.Exception(() => EnvironmentUrl.Parse(row.Item2)),
            row.Item1 == "unicode host" ? "EnvironmentId" : "EnvironmentUrl") is { } wrong ? $"EnvironmentUrl {row.Item1}: {wrong}" : null));
    }

    [Fact]
    public async Task Connection_names_and_account_ids()
    {
        var connections = new AwsConnections(Environment, Log, Retry);
        await AssertRefused("Name", ConnectionNames, v => connections.EnsureAsync(v!, Account, None));
        await AssertRefused("AccountId", AccountIds, v => connections.EnsureAsync("aws-prod", v!, None));
        await AssertRefused("AccountId", AccountIds.Where(r => !string.IsNullOrWhiteSpace(r.Value)),
            v => connections.ListAsync(new AwsConnectionFilter { AccountId = v }, None));
    }

    [Fact]
    public async Task Role_arns()
    {
        var connection = (await new AwsConnections(Environment, Log, Retry).CreateAsync("aws-bad-arn", Account, None)).Item;
        var connections = new AwsConnections(Environment, Log, Retry);
        await AssertRefused("RoleArn", RoleArns, v => connections.SetRoleArnAsync(connection.ConnectionId, v!, Fast, None));
    }

    [Fact]
    public async Task Monitoring_configuration_fields_on_create_and_update()
    {
        var configurations = new MonitoringConfigurations(Environment, Log, Retry);
        MonitoringConfigurationSpec Spec() => new() { AccountId = Account, ConnectionId = "connection-id" };

        await AssertRefused("AccountId", AccountIds, v => { var s = Spec(); s.AccountId = v!; return configurations.EnsureAsync(s, None); });
        await AssertRefused("Region", Regions, v => { var s = Spec(); s.Regions = new[] { "eu-west-1", v! }; return configurations.EnsureAsync(s, None); });
        await AssertRefused("DeploymentRegion", Regions,
            v => { var s = Spec(); s.DeploymentRegion = v; return configurations.EnsureAsync(s, None); });
        await AssertRefused("FeatureSet", Hostile.FeatureSets, v => { var s = Spec(); s.FeatureSets = new[] { "EC2_essential", v! }; return configurations.EnsureAsync(s, None); });
        await AssertRefused("Description", Descriptions, v => { var s = Spec(); s.Description = v; return configurations.EnsureAsync(s, None); });

        const string id = "configuration-id";
        await AssertRefused("Region", Regions, v => configurations.UpdateAsync(id, new MonitoringConfigurationChange { Regions = new[] { v! } }, None));
        await AssertRefused("FeatureSet", Hostile.FeatureSets, v => configurations.UpdateAsync(id, new MonitoringConfigurationChange { FeatureSets = new[] { v! } }, None));
        await AssertRefused("Description", Descriptions, v => configurations.UpdateAsync(id, new MonitoringConfigurationChange { Description = v }, None));
    }

    [Fact]
    public async Task Monitoring_role_fields()
    {
        var keys = Emulator.Aws.AddAccount(Account);
        var access = await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, keys), Log, Retry, None);
        var roles = new MonitoringRoles(access, Log, Retry);
        MonitoringRoleSpec Spec() => new() { AccountId = Account, ConnectionId = "connection-id", EnvironmentId = "abc12345" };

        foreach (var run in new Func<MonitoringRoleSpec, Task>[] { s => roles.PlanAsync(s, None), s => roles.EnsureAsync(s, None) })
        {
            await AssertRefused("AccountId", AccountIds, v => { var s = Spec(); s.AccountId = v!; return run(s); });
            await AssertRefused("TrustedAccountId", AccountIds, v => { var s = Spec(); s.TrustedAccountId = v!; return run(s); });
            await AssertRefused("RoleName", IamNames, v => { var s = Spec(); s.RoleName = v!; return run(s); });
            await AssertRefused("RolePath", IamPaths, v => { var s = Spec(); s.RolePath = v!; return run(s); });
            await AssertRefused("PolicyNamePrefix", IamNames.Where(r => !string.IsNullOrEmpty(r.Value) && r.Label != "65 chars")
                .Append(("110 chars", new string('p', 110))), v => { var s = Spec(); s.PolicyNamePrefix = v; return run(s); });
        }
    }

    [Fact]
    public async Task Aws_account_access_fields()
    {
        var keys = Emulator.Aws.AddAccount(Account);
        Core.Aws.Credentials.AwsCredentialOptions Options() => AwsAccounts.Options(Emulator, keys);

        await AssertRefused("AccountId", AccountIds, v => AwsAccountAccess.OpenAsync(v!, Options(), Log, Retry, None));
        await AssertRefused("AssumeRoleName", IamNames.Where(r => !string.IsNullOrEmpty(r.Value) && r.Label != "slash"),
            v => { var o = Options(); o.AssumeRoleName = v; return AwsAccountAccess.OpenAsync(Account, o, Log, Retry, None); });
        await AssertRefused("Region", Regions, v => { var o = Options(); o.Region = v; return AwsAccountAccess.OpenAsync(Account, o, Log, Retry, None); });
    }

    [Fact]
    public async Task Removal_and_drift_account_ids()
    {
        var removal = new AccountRemoval(Environment, Log, Retry);
        await AssertRefused("AccountId", AccountIds, async v =>
        {
            var result = await removal.RemoveAsync(new RemovalRequest { AccountId = v }, Approve.All, None);
            Assert.Equal(RemovalStatus.Failed, result.Status);
            throw result.GetException()!;
        });
        var drift = new AccountDrift(Environment, Log, Retry);
        await AssertRefused("AccountId", AccountIds, v => drift.CheckAsync(v!, null, null, MonitoringRoleSpec.DefaultRoleName, null, None));
    }

    [Fact]
    public async Task Removal_and_drift_role_names_and_policy_prefixes()
    {
        var aws = AwsAccounts.Options(Emulator, Emulator.Aws.AddAccount(Account));
        var removal = new AccountRemoval(Environment, Log, Retry);
        var drift = new AccountDrift(Environment, Log, Retry);
        var prefixes = IamNames.Where(r => !string.IsNullOrEmpty(r.Value) && r.Label != "65 chars").Append(("110 chars", new string('p', 110)));
        async Task Remove(string? roleName, string? prefix)
        {
            var result = await removal.RemoveAsync(new RemovalRequest { AccountId = Account, Aws = aws, RoleName = roleName!, PolicyNamePrefix = prefix }, Approve.All, None);
            if (result.Status == RemovalStatus.Failed) throw result.GetException()!;
        }

        await AssertRefused("RoleName", IamNames, v => Remove(v, null));
        await AssertRefused("PolicyNamePrefix", prefixes, v => Remove(MonitoringRoleSpec.DefaultRoleName, v));
        await AssertRefused("RoleName", IamNames, v => drift.CheckAsync(Account, null, aws, v!, null, None));
        await AssertRefused("PolicyNamePrefix", prefixes, v => drift.CheckAsync(Account, null, aws, MonitoringRoleSpec.DefaultRoleName, v, None));
    }
}
