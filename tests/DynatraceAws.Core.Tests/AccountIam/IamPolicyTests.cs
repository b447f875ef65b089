using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

public class IamPolicyTests : AccountIamTest
{
    [Fact]
    public async Task A_create_is_planned_once_then_the_same_statement_in_other_whitespace_plans_nothing()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);

        var plan = await policies.PlanCreateAsync(level, "aws-onboarding", "AWS", Statement, false, CancellationToken.None);
        Assert.Empty(AccountWrites);
        var first = await plan.ApplyAsync(CancellationToken.None);
        var again = await policies.PlanCreateAsync(level, "aws-onboarding", "AWS", Statement.Replace("; ", ";\n  ").Replace(", ", ",\n"), false,
            CancellationToken.None);

        Assert.Equal($"Dynatrace: create IAM policy 'aws-onboarding' ({Statement})", Assert.Single(plan.Changes).ToString());
        Assert.False(again.HasChanges);
        Assert.Equal(first.Uuid, again.Result().Uuid);
        Assert.Single(Emulator.Dynatrace.IamPolicies, p => p.Name == "aws-onboarding");
        Assert.Equal(AccountUuid, Emulator.Dynatrace.IamPolicies.Single(p => p.Name == "aws-onboarding").LevelId);
    }

    [Fact]
    public async Task A_different_statement_is_refused_without_force_and_planned_as_its_replace_with_it()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var created = await policies.EnsureAsync(level, "p", "", "ALLOW settings:objects:read;", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DynatraceAwsException>(() => policies.PlanCreateAsync(level, "p", "", Statement, false, CancellationToken.None));
        Assert.Equal("PolicyStatementDiffers", refused.ErrorId);
        Assert.Equal("ALLOW settings:objects:read;", Emulator.Dynatrace.IamPolicies.Single(p => p.Name == "p").StatementQuery);

        var plan = await policies.PlanCreateAsync(level, "p", "", Statement, true, CancellationToken.None);
        var updated = await plan.ApplyAsync(CancellationToken.None);
        Assert.Equal($"Dynatrace: update IAM policy 'p' ({created.Uuid}): statements ALLOW settings:objects:read; -> statements {Statement}",
            Assert.Single(plan.Changes).ToString());
        Assert.Equal(created.Uuid, updated.Uuid);
        Assert.Equal(Statement, updated.StatementQuery);
    }

    [Fact]
    public async Task A_statement_the_server_rejects_fails_with_the_server_message_and_field()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            policies.EnsureAsync(AccountLevel(account), "bad", "", "PERMIT settings:objects:read;", CancellationToken.None));
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("Invalid policy statement", ex.ServerMessage);
        Assert.Contains("ALLOW or DENY", ex.Message);
        Assert.Contains(ex.ConstraintViolations, v => v.Path == "statementQuery");
        Assert.DoesNotContain(Emulator.Dynatrace.IamPolicies, p => p.Name == "bad");
    }

    [Fact]
    public async Task Environment_level_policies_are_separate_and_inherit_account_and_global_ones()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        await policies.EnsureAsync(AccountLevel(account), "account-wide", "", Statement, CancellationToken.None);
        var environment = PolicyLevel.For(account, "environment", "abc12345");
        await policies.EnsureAsync(environment, "env-only", "", Statement, CancellationToken.None);

        var own = await policies.ListAsync(environment, CancellationToken.None);
        var all = await policies.ListAllAsync(environment, CancellationToken.None);

        Assert.Equal(new[] { "env-only" }, own.Select(p => p.Name));
        Assert.Contains(all, p => p.Name == "account-wide" && p.LevelType == "account");
        Assert.Contains(all, p => p.Name == "Settings Writer" && p.LevelType == "global");
        var global = all.First(p => p.LevelType == "global");
        Assert.NotNull((await policies.GetAsync(PolicyLevel.Of(global), global.Uuid, CancellationToken.None))?.StatementQuery);
    }

    [Fact]
    public async Task A_bound_policy_is_refused_before_any_write_without_unbind_and_deleted_with_its_bindings_with_it()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var policy = await policies.EnsureAsync(level, "bound", "", Statement, CancellationToken.None);
        var group = await new IamGroups(account, Log, Retry).EnsureAsync("g", "", CancellationToken.None);
        var targets = new BindingTargets(new[] { new IamReference(policy.Uuid, policy.Name) }, new[] { new IamReference(group.Uuid, group.Name) });
        await new PolicyBindings(account, Log, Retry).GrantAsync(level, targets, CancellationToken.None);
        Emulator.Log.Clear();

        var refused = await Assert.ThrowsAsync<DynatraceAwsException>(() => policies.PlanDeleteAsync(level, policy.Uuid, false, CancellationToken.None));
        var plan = await policies.PlanDeleteAsync(level, policy.Uuid, true, CancellationToken.None);
        Assert.Empty(AccountWrites);
        await plan.ApplyAsync(CancellationToken.None);

        Assert.Equal("PolicyBound", refused.ErrorId);
        Assert.Contains("-Force", refused.RecommendedAction);
        Assert.Equal($"Dynatrace: delete IAM policy 'bound' ({policy.Uuid}) and its bindings to 1 group(s)", Assert.Single(plan.Changes).ToString());
        Assert.Null(await policies.GetAsync(level, policy.Uuid, CancellationToken.None));
        Assert.Empty(Emulator.Dynatrace.IamBindings);
        Assert.False((await policies.PlanDeleteAsync(level, policy.Uuid, true, CancellationToken.None)).HasChanges);
    }
}
