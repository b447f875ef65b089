using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Tests.Support;
using Xunit;
using EmulatorScopes = DynatraceAws.Emulator.Dynatrace.AccountScopes;

namespace DynatraceAws.Core.Tests.AccountIam;

public class PolicyBindingTests : AccountIamTest
{
    private static readonly string[] None = new string[0];

    [Fact]
    public async Task Granting_many_policies_to_many_groups_is_additive_and_a_rerun_writes_nothing()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var groups = new IamGroups(account, Log, Retry);
        var it = await groups.EnsureAsync("IT", "", CancellationToken.None);
        var sales = await groups.EnsureAsync("Sales", "", CancellationToken.None);
        var targets = await new IamReferences(account, Log, Retry)
            .ResolveAsync(level, new[] { "Settings Reader", "Settings Writer" }, None, new[] { "IT", "Sales" }, None, CancellationToken.None);
        var bindings = new PolicyBindings(account, Log, Retry);

        var plan = await bindings.PlanGrantAsync(level, targets, None, CancellationToken.None);
        var first = await plan.ApplyAsync(CancellationToken.None);
        var writesBefore = Emulator.Log.Entries.Count(e => e.Method != "GET");
        var again = await bindings.PlanGrantAsync(level, targets, None, CancellationToken.None);

        Assert.Equal(2, plan.Changes.Count);
        Assert.Equal(4, first.Count);
        Assert.False(again.HasChanges);
        Assert.Equal(4, again.Result().Count);
        Assert.Equal(writesBefore, Emulator.Log.Entries.Count(e => e.Method != "GET"));
        Assert.Equal(4, (await bindings.ListAsync(level, null, CancellationToken.None)).Count);
        Assert.Equal(2, (await bindings.PoliciesOfGroupAsync(level, it.Uuid, CancellationToken.None)).Count);
        Assert.Equal(2, (await bindings.PoliciesOfGroupAsync(level, sales.Uuid, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Replacing_a_groups_policies_leaves_exactly_those_and_other_groups_alone()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var groups = new IamGroups(account, Log, Retry);
        var it = await groups.EnsureAsync("IT", "", CancellationToken.None);
        var sales = await groups.EnsureAsync("Sales", "", CancellationToken.None);
        var readerForBoth = await new IamReferences(account, Log, Retry)
            .ResolveAsync(level, new[] { "Settings Reader" }, None, None, new[] { it.Uuid, sales.Uuid }, CancellationToken.None);
        var reader = readerForBoth.Policies.Single().Uuid;
        var own = await new IamPolicies(account, Log, Retry).EnsureAsync(level, "own", "", Statement, CancellationToken.None);
        var bindings = new PolicyBindings(account, Log, Retry);
        await bindings.GrantAsync(level, readerForBoth, CancellationToken.None);

        var plan = await bindings.PlanReplaceAsync(level, new BindingTargets(new[] { new IamReference(own.Uuid, own.Name) }, new[] { new IamReference(it.Uuid, it.Name) }),
            CancellationToken.None);
        await plan.ApplyAsync(CancellationToken.None);
        var salesReader = new BindingTargets(new[] { new IamReference(reader, null) }, new[] { new IamReference(sales.Uuid, null) });
        var revoke = await bindings.PlanRevokeAsync(level, salesReader, CancellationToken.None);
        var revoked = await revoke.ApplyAsync(CancellationToken.None);

        Assert.Equal($"Dynatrace: update policy bindings of group 'IT' ({it.Uuid}): {reader} -> 'own' ({own.Uuid})", Assert.Single(plan.Changes).ToString());
        Assert.Equal(new[] { own.Uuid }, await bindings.PoliciesOfGroupAsync(level, it.Uuid, CancellationToken.None));
        Assert.Equal((reader, sales.Uuid), (Assert.Single(revoked).PolicyUuid, revoked[0].GroupUuid));
        Assert.Empty(await bindings.PoliciesOfGroupAsync(level, sales.Uuid, CancellationToken.None));
        Assert.False((await bindings.PlanRevokeAsync(level, salesReader, CancellationToken.None)).HasChanges);
    }

    [Fact]
    public async Task Unknown_names_fail_before_any_write_and_binding_needs_the_bindings_scope()
    {
        using var account = ConnectAccount(EmulatorScopes.PoliciesRead, EmulatorScopes.IdentitiesRead, EmulatorScopes.IdentitiesWrite, EmulatorScopes.BindingsRead);
        var level = AccountLevel(account);
        var references = new IamReferences(account, Log, Retry);
        var group = await new IamGroups(account, Log, Retry).EnsureAsync("IT", "", CancellationToken.None);
        var noPolicy = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            references.ResolveAsync(level, new[] { "nope" }, None, new[] { "IT" }, None, CancellationToken.None));
        Assert.Equal("PolicyNotFound", noPolicy.ErrorId);
        var noGroup = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            references.ResolveAsync(level, new[] { "Settings Reader" }, None, new[] { "nope" }, None, CancellationToken.None));
        Assert.Equal("GroupNotFound", noGroup.ErrorId);

        var targets = await references.ResolveAsync(level, new[] { "Settings Reader" }, None, None, new[] { group.Uuid }, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            new PolicyBindings(account, Log, Retry).GrantAsync(level, targets, CancellationToken.None));
        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("iam:bindings:write", ex.Message);
    }

    [Fact]
    public async Task Groups_are_created_once_by_name()
    {
        using var account = ConnectAccount();
        var groups = new IamGroups(account, Log, Retry);
        var first = await groups.EnsureAsync("IT", "The IT team", CancellationToken.None);
        var again = await groups.EnsureAsync("IT", "The IT team", CancellationToken.None);
        Assert.Equal(first.Uuid, again.Uuid);
        Assert.Single(Emulator.Dynatrace.IamGroups, g => g.Name == "IT");
        Assert.Equal("LOCAL", first.Owner);
    }

    /// <summary>The contract: federatedAttributeValues present, even empty, turn a LOCAL group into a SAML one.</summary>
    [Fact]
    public async Task A_new_group_is_sent_without_federated_attribute_values_and_stays_LOCAL()
    {
        using var account = ConnectAccount();

        var group = await new IamGroups(account, Log, Retry).EnsureAsync("Ops", "", CancellationToken.None);

        Assert.Equal("LOCAL", Assert.Single(Emulator.Dynatrace.IamGroups, g => g.Uuid == group.Uuid).Owner);
        Assert.Equal("LOCAL", group.Owner);
    }

    [Fact]
    public async Task Planning_a_grant_leaves_out_what_is_bound_and_planning_a_revoke_what_is_gone_and_neither_writes()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var groups = new IamGroups(account, Log, Retry);
        await groups.EnsureAsync("IT", "", CancellationToken.None);
        await groups.EnsureAsync("Sales", "", CancellationToken.None);
        var references = new IamReferences(account, Log, Retry);
        var bindings = new PolicyBindings(account, Log, Retry);
        await bindings.GrantAsync(level, await references.ResolveAsync(level, new[] { "Settings Reader" }, None, new[] { "IT" }, None, CancellationToken.None),
            CancellationToken.None);
        var both = await references.ResolveAsync(level, new[] { "Settings Reader" }, None, new[] { "IT", "Sales" }, None, CancellationToken.None);
        var (reader, it, sales) = (both.Policies[0], both.Groups[0], both.Groups[1]);
        Emulator.Log.Clear();

        var grant = await bindings.PlanGrantAsync(level, both, new[] { "b-1" }, CancellationToken.None);
        var revoke = await bindings.PlanRevokeAsync(level, both, CancellationToken.None);

        Assert.Equal($"Dynatrace: create binding of policy {reader} to group {sales} (boundaries b-1)", Assert.Single(grant.Changes).ToString());
        Assert.Equal($"Dynatrace: delete binding of policy {reader} to group {it}", Assert.Single(revoke.Changes).ToString());
        Assert.Equal($"policy bindings at {level}", revoke.Target);
        Assert.Empty(AccountWrites);
        Assert.Contains(Log.Messages, m => m.Contains("is already bound to 'IT'"));

        await revoke.ApplyAsync(CancellationToken.None);
        Assert.False((await bindings.PlanRevokeAsync(level, both, CancellationToken.None)).HasChanges);
        Assert.Contains(Log.Messages, m => m.Contains("nothing to unbind"));
    }

    [Fact]
    public async Task References_keep_the_names_they_were_given_or_found_and_show_them_with_the_UUID()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var it = await new IamGroups(account, Log, Retry).EnsureAsync("IT", "", CancellationToken.None);
        var references = new IamReferences(account, Log, Retry);

        var byName = await references.ResolveAsync(level, new[] { "Settings Reader" }, None, new[] { "IT" }, new[] { it.Uuid.ToUpperInvariant() }, CancellationToken.None);
        var byUuid = await references.ResolveAsync(level, None, new[] { byName.Policies[0].Uuid }, None, new[] { it.Uuid }, CancellationToken.None);

        Assert.Equal($"'Settings Reader' ({byName.Policies[0].Uuid})", byName.Policies[0].ToString());
        Assert.Equal($"'IT' ({it.Uuid})", Assert.Single(byName.Groups).ToString());
        Assert.Null(byUuid.Policies[0].Name);
        Assert.Equal(it.Uuid, byUuid.Groups[0].ToString());
    }

    [Fact]
    public async Task Blank_names_and_UUIDs_are_ignored_and_naming_no_policy_or_no_group_fails_before_any_request()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var references = new IamReferences(account, Log, Retry);
        Emulator.Log.Clear();

        var noPolicy = await Assert.ThrowsAsync<InvalidInputException>(() =>
            references.ResolveAsync(level, new[] { "" }, new[] { " " }, new[] { "IT" }, None, CancellationToken.None));
        var noGroup = await Assert.ThrowsAsync<InvalidInputException>(() =>
            references.ResolveAsync(level, None, new[] { "p" }, new string?[] { null }, new[] { "" }, CancellationToken.None));

        Assert.Equal(("MissingPolicy", "PolicyName"), (noPolicy.ErrorId, noPolicy.Field));
        Assert.Equal(("MissingGroup", "GroupName"), (noGroup.ErrorId, noGroup.Field));
        Assert.DoesNotContain(Emulator.Log.Entries, e => e.Path.StartsWith("/iam"));
        var targets = await references.ResolveAsync(level, new[] { "", "Settings Reader" }, new[] { "" }, None, new[] { "g-1", " " }, CancellationToken.None);
        Assert.Equal(("Settings Reader", "g-1"), (targets.Policies.Single().Name, targets.Groups.Single().Uuid));
    }

    [Fact]
    public async Task Planning_an_exclusive_grant_leaves_out_groups_that_hold_exactly_those_policies()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var groups = new IamGroups(account, Log, Retry);
        await groups.EnsureAsync("IT", "", CancellationToken.None);
        await groups.EnsureAsync("Sales", "", CancellationToken.None);
        var references = new IamReferences(account, Log, Retry);
        var bindings = new PolicyBindings(account, Log, Retry);
        var readerAndWriter = new[] { "Settings Reader", "Settings Writer" };
        await bindings.GrantAsync(level, await references.ResolveAsync(level, readerAndWriter, None, new[] { "IT" }, None, CancellationToken.None), CancellationToken.None);
        await bindings.GrantAsync(level, await references.ResolveAsync(level, new[] { "Settings Reader" }, None, new[] { "Sales" }, None, CancellationToken.None), CancellationToken.None);

        var plan = await bindings.PlanReplaceAsync(level,
            await references.ResolveAsync(level, readerAndWriter, None, new[] { "IT", "Sales" }, None, CancellationToken.None), CancellationToken.None);

        Assert.StartsWith("policy bindings of group 'Sales' (", Assert.Single(plan.Changes).Target);
    }
}
