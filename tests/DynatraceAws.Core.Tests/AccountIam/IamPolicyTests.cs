using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

public class IamPolicyTests : AccountIamTest
{
    [Fact]
    public async Task Ensure_creates_once_then_returns_the_same_policy_for_the_same_statement_in_other_whitespace()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);

        var first = await policies.EnsureAsync(level, "aws-onboarding", "AWS", Statement, false, CancellationToken.None);
        var again = await policies.EnsureAsync(level, "aws-onboarding", "AWS", Statement.Replace("; ", ";\n  ").Replace(", ", ",\n"), false, CancellationToken.None);

        Assert.Equal(PolicyChangeKind.Created, first.Kind);
        Assert.Equal(PolicyChangeKind.Unchanged, again.Kind);
        Assert.Equal(first.Policy.Uuid, again.Policy.Uuid);
        Assert.Single(Emulator.Dynatrace.IamPolicies, p => p.Name == "aws-onboarding");
        Assert.Equal(AccountUuid, Emulator.Dynatrace.IamPolicies.Single(p => p.Name == "aws-onboarding").LevelId);
    }

    [Fact]
    public async Task A_different_statement_is_refused_without_force_and_replaced_with_it()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var created = await policies.EnsureAsync(level, "p", "", "ALLOW settings:objects:read;", false, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DynatraceAwsException>(() => policies.EnsureAsync(level, "p", "", Statement, false, CancellationToken.None));
        Assert.Equal("PolicyStatementDiffers", refused.ErrorId);
        Assert.Equal("ALLOW settings:objects:read;", Emulator.Dynatrace.IamPolicies.Single(p => p.Name == "p").StatementQuery);

        var updated = await policies.EnsureAsync(level, "p", "", Statement, true, CancellationToken.None);
        Assert.Equal(PolicyChangeKind.Updated, updated.Kind);
        Assert.Equal(created.Policy.Uuid, updated.Policy.Uuid);
        Assert.Equal(Statement, updated.Policy.StatementQuery);
    }

    [Fact]
    public async Task A_statement_the_server_rejects_fails_with_the_server_message_and_field()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            policies.CreateAsync(AccountLevel(account), "bad", "", "PERMIT settings:objects:read;", CancellationToken.None));
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
        await policies.CreateAsync(AccountLevel(account), "account-wide", "", Statement, CancellationToken.None);
        var environment = PolicyLevel.For(account, "environment", "abc12345");
        await policies.CreateAsync(environment, "env-only", "", Statement, CancellationToken.None);

        var own = await policies.ListAsync(environment, CancellationToken.None);
        var all = await policies.ListAllAsync(environment, CancellationToken.None);

        Assert.Equal(new[] { "env-only" }, own.Select(p => p.Name));
        Assert.Contains(all, p => p.Name == "account-wide" && p.LevelType == "account");
        Assert.Contains(all, p => p.Name == "Settings Writer" && p.LevelType == "global");
        var global = all.First(p => p.LevelType == "global");
        Assert.NotNull((await policies.GetAsync(PolicyLevel.Of(global), global.Uuid, CancellationToken.None))?.StatementQuery);
    }

    [Fact]
    public async Task A_bound_policy_is_deleted_only_with_unbind()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var policy = await policies.CreateAsync(level, "bound", "", Statement, CancellationToken.None);
        var group = await new IamGroups(account, Log, Retry).EnsureAsync("g", "", CancellationToken.None);
        var targets = new BindingTargets(new[] { new IamReference(policy.Uuid, policy.Name) }, new[] { new IamReference(group.Uuid, group.Name) });
        await new PolicyBindings(account, Log, Retry).GrantAsync(level, targets, new string[0], CancellationToken.None);

        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() => policies.DeleteAsync(level, policy.Uuid, false, CancellationToken.None));
        Assert.Contains("force", ex.ServerMessage);
        await policies.DeleteAsync(level, policy.Uuid, true, CancellationToken.None);
        Assert.Null(await policies.GetAsync(level, policy.Uuid, CancellationToken.None));
        Assert.Empty(Emulator.Dynatrace.IamBindings);
    }
}
