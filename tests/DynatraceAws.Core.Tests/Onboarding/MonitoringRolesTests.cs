using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Aws;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class MonitoringRolesTests : EmulatorTest
{
    private const string Account = "210987654321";
    private AwsAccountKeys _keys = null!;

    private async Task<MonitoringRoles> RolesAsync(AwsAccountKeys? keys = null, string account = Account, string? assume = null) =>
        new(await AwsAccountAccess.OpenAsync(account, AwsAccounts.Options(Emulator, keys ?? _keys, assume), Log, Retry, CancellationToken.None), Log, Retry);

    private static MonitoringRoleSpec Spec(string connectionId = "conn-abc", string account = Account) => new()
    {
        AccountId = account, ConnectionId = connectionId, EnvironmentId = "abc12345",
    };

    private IamRoleSnapshot Role(string account = Account) => Assert.Single(Emulator.Aws.Roles(account));

    private int IamWrites => Emulator.Log.Writes.Count(e => e.Service == "iam");

    private static string[] Said(IEnumerable<PlannedChange> changes) => changes.Select(c => $"{c.Action} {c.Target}").ToArray();

    private static string[] Made(IEnumerable<PlannedChange> changes) =>
        Said(changes.Where(c => c.Action == ChangeAction.Create && !c.Target.StartsWith("attachment")));

    private async Task SetUpAsync() => _keys = Emulator.Aws.AddAccount(Account);

    [Fact]
    public async Task Creates_the_policies_and_the_role_of_the_seed()
    {
        await SetUpAsync();
        var role = await (await RolesAsync()).EnsureAsync(Spec(), CancellationToken.None);

        Assert.Equal($"arn:aws:iam::{Account}:role/DynatraceMonitoringRole", role.RoleArn);
        Assert.Equal(new[] { "Create policy DynatraceMonitoringPolicy", "Create policy DynatraceMonitoringPolicy-2", "Create role DynatraceMonitoringRole" }, Made(role.Changes));
        var policies = Emulator.Aws.Policies(Account).OrderBy(p => p.Name).ToArray();
        Assert.Equal(new[] { "DynatraceMonitoringPolicy", "DynatraceMonitoringPolicy-2" }, policies.Select(p => p.Name));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MonitoringPolicies.First), JsonNode.Parse(policies[0].Document)));

        var stored = Role();
        Assert.Equal("conn-abc", TrustPolicy.ExternalIdRequiredOf(stored.TrustPolicy, TrustPolicy.ProductionAccount));
        Assert.Equal("abc12345", stored.Tags["Dynatrace:EnvironmentID"]);
        Assert.Equal(policies.Select(p => p.Arn).OrderBy(a => a), stored.AttachedPolicyArns.OrderBy(a => a));
        Assert.Null(Emulator.Aws.WhyNotAssumable(role.RoleArn, TrustPolicy.PrincipalArn(TrustPolicy.ProductionAccount), "conn-abc"));
        Assert.True(Log.Has("DEBUG", "IAM CreateRole -> 200 in"));
    }

    [Fact]
    public async Task A_rerun_writes_nothing_and_says_everything_is_unchanged()
    {
        await SetUpAsync();
        var roles = await RolesAsync();
        await roles.EnsureAsync(Spec(), CancellationToken.None);
        Emulator.Log.Clear();

        var again = await roles.EnsureAsync(Spec(), CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Equal(0, IamWrites);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task The_plan_writes_nothing_and_names_what_a_run_would_create()
    {
        await SetUpAsync();
        var plan = await (await RolesAsync()).PlanAsync(Spec(), CancellationToken.None);
        Assert.Equal(3, Made(plan.Changes).Length);
        Assert.Contains("Create attachment of DynatraceMonitoringPolicy to role DynatraceMonitoringRole", Said(plan.Changes));
        Assert.Equal(0, IamWrites);
        Assert.Empty(Emulator.Aws.Roles(Account));
    }

    [Fact]
    public async Task A_drifted_policy_gets_a_new_default_version_pruning_the_oldest_when_five_exist()
    {
        await SetUpAsync();
        var roles = await RolesAsync();
        await roles.EnsureAsync(Spec(), CancellationToken.None);
        var iam = (await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, _keys), Log, Retry, CancellationToken.None)).Iam(Retry);
        var arn = $"arn:aws:iam::{Account}:policy/DynatraceMonitoringPolicy-2";
        var drifted = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TopologyInventory\",\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeVpcs\"],\"Resource\":\"*\"}]}";
        for (var i = 0; i < 4; i++) await iam.CreatePolicyVersionAsync(arn, drifted, setAsDefault: true, CancellationToken.None);
        Assert.Equal(5, Emulator.Aws.Policies(Account).Single(p => p.Arn == arn).VersionCount);

        var repaired = await roles.EnsureAsync(Spec(), CancellationToken.None);

        Assert.Equal(new[] { "Update policy DynatraceMonitoringPolicy-2" }, Said(repaired.Changes));
        var policy = Emulator.Aws.Policies(Account).Single(p => p.Arn == arn);
        Assert.Equal(5, policy.VersionCount);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MonitoringPolicies.Second), JsonNode.Parse(policy.Document)));
    }

    [Fact]
    public async Task A_role_that_trusts_another_connection_is_RoleTrustMismatch_unless_Force()
    {
        await SetUpAsync();
        var roles = await RolesAsync();
        await roles.EnsureAsync(Spec("conn-old"), CancellationToken.None);
        Emulator.Log.Clear();

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => roles.EnsureAsync(Spec("conn-new"), CancellationToken.None));
        Assert.Equal("RoleTrustMismatch", error.ErrorId);
        Assert.Contains("-Force", error.RecommendedAction);
        Assert.Equal(0, IamWrites);

        var forced = Spec("conn-new");
        forced.Force = true;
        var updated = await roles.EnsureAsync(forced, CancellationToken.None);
        Assert.Equal(new[] { "Update trust policy of role DynatraceMonitoringRole" }, Said(updated.Changes));
        Assert.Equal("conn-new", TrustPolicy.ExternalIdRequiredOf(Role().TrustPolicy, TrustPolicy.ProductionAccount));
    }

    [Fact]
    public async Task Re_attaches_a_detached_policy_and_re_tags()
    {
        await SetUpAsync();
        var roles = await RolesAsync();
        await roles.EnsureAsync(Spec(), CancellationToken.None);
        var iam = (await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, _keys), Log, Retry, CancellationToken.None)).Iam(Retry);
        await iam.DetachRolePolicyAsync("DynatraceMonitoringRole", $"arn:aws:iam::{Account}:policy/DynatraceMonitoringPolicy", CancellationToken.None);

        var spec = Spec();
        spec.Tags["team"] = "observability";
        var repaired = await roles.EnsureAsync(spec, CancellationToken.None);

        Assert.Contains("Create attachment of DynatraceMonitoringPolicy to role DynatraceMonitoringRole", Said(repaired.Changes));
        Assert.Contains("Update tags of role DynatraceMonitoringRole", Said(repaired.Changes));
        Assert.Equal(2, Role().AttachedPolicyArns.Count);
        Assert.Equal("observability", Role().Tags["team"]);
    }

    [Fact]
    public async Task Credentials_of_another_account_are_WrongAccount_before_any_write()
    {
        await SetUpAsync();
        var other = Emulator.Aws.AddAccount("999999999999");
        Emulator.Log.Clear();

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, other), Log, Retry, CancellationToken.None));

        Assert.Equal("WrongAccount", error.ErrorId);
        Assert.Contains("999999999999", error.Message);
        Assert.Contains("-AssumeRoleName", error.RecommendedAction);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task Reaches_a_member_account_through_an_assumed_role()
    {
        await SetUpAsync();
        var management = Emulator.Aws.AddAccount("111122223333");
        var memberIam = (await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, _keys), Log, Retry, CancellationToken.None)).Iam(Retry);
        var trustManagement = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        await memberIam.CreateRoleAsync(new CreateRoleRequest("OrganizationAccountAccessRole", trustManagement), CancellationToken.None);

        var access = await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, management, "OrganizationAccountAccessRole"), Log, Retry, CancellationToken.None);
        Assert.Contains("assumed-role/OrganizationAccountAccessRole", access.CallerArn);

        await new MonitoringRoles(access, Log, Retry).EnsureAsync(Spec(), CancellationToken.None);
        Assert.Contains(Emulator.Aws.Roles(Account), r => r.Name == "DynatraceMonitoringRole");
        Assert.Empty(Emulator.Aws.Roles("111122223333"));
    }

    [Fact]
    public async Task Each_STS_call_is_traced_with_its_status_and_a_failed_one_with_its_code()
    {
        await SetUpAsync();
        var stranger = Emulator.Aws.AddAccount("111122223333");

        await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, _keys), Log, Retry, CancellationToken.None);
        var error = await Assert.ThrowsAsync<StsException>(() =>
            AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, stranger, "OrganizationAccountAccessRole"), Log, Retry, CancellationToken.None));

        Assert.True(Log.Has("DEBUG", "STS GetCallerIdentity -> 200 in"));
        Assert.Equal("AccessDenied", error.Code);
        Assert.True(Log.Has("DEBUG", "STS AssumeRole -> 403 AccessDenied in"));
    }

    [Theory]
    [InlineData("cn-north-1", "PartitionNotSupported")]
    [InlineData("us-gov-west-1", "PartitionNotSupported")]
    [InlineData("mars-1", "InvalidRegion")]
    public async Task Partitions_Dynatrace_cannot_reach_fail_before_any_call(string region, string errorId)
    {
        await SetUpAsync();
        var options = AwsAccounts.Options(Emulator, _keys);
        options.Region = region;
        var error = await Assert.ThrowsAnyAsync<DynatraceAwsException>(() => AwsAccountAccess.OpenAsync(Account, options, Log, Retry, CancellationToken.None));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Empty(Emulator.Log.Entries);
    }

    [Fact]
    public async Task An_invalid_principal_right_after_a_change_is_retried()
    {
        await SetUpAsync();
        Emulator.Aws.FailCreateRoleWithInvalidPrincipal(2);
        var role = await (await RolesAsync()).EnsureAsync(Spec(), CancellationToken.None);
        Assert.Contains("Create role DynatraceMonitoringRole", Made(role.Changes));
        Assert.Equal(3, Emulator.Log.Entries.Count(e => e.Operation == "CreateRole"));
    }

    [Fact]
    public async Task Iam_throttling_is_retried()
    {
        await SetUpAsync();
        Emulator.Faults.Add(new DynatraceAws.Emulator.FaultRule { Kind = DynatraceAws.Emulator.FaultKind.IamThrottling, Service = "iam", Remaining = 3 });
        var role = await (await RolesAsync()).EnsureAsync(Spec(), CancellationToken.None);
        Assert.Equal(3, Made(role.Changes).Length);
    }

    [Theory]
    [InlineData("Bad Role Name", "RoleName")]
    [InlineData("", "RoleName")]
    public async Task A_bad_role_name_fails_before_any_iam_call(string roleName, string field)
    {
        await SetUpAsync();
        var roles = await RolesAsync();
        Emulator.Log.Clear();
        var spec = Spec();
        spec.RoleName = roleName;
        Assert.Equal(field, (await Assert.ThrowsAsync<InvalidInputException>(() => roles.EnsureAsync(spec, CancellationToken.None))).Field);
        Assert.Empty(Emulator.Log.Entries);
    }
}
