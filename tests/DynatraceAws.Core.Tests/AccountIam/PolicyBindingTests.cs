using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using Xunit;
using EmulatorScopes = DynatraceAws.Emulator.Dynatrace.AccountScopes;

namespace DynatraceAws.Core.Tests.AccountIam;

public class PolicyBindingTests : AccountIamTest
{
    [Fact]
    public async Task Granting_many_policies_to_many_groups_is_additive_and_a_rerun_writes_nothing()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var groups = new IamGroups(account, Log, Retry);
        var it = await groups.EnsureAsync("IT", "", CancellationToken.None);
        var sales = await groups.EnsureAsync("Sales", "", CancellationToken.None);
        var references = new IamReferences(account, Log, Retry);
        var policies = await references.PolicyUuidsAsync(level, new[] { "Settings Reader", "Settings Writer" }, new string[0], CancellationToken.None);
        var groupUuids = await references.GroupUuidsAsync(new[] { "IT", "Sales" }, new string[0], CancellationToken.None);
        var bindings = new PolicyBindings(account, Log, Retry);

        var first = await bindings.GrantAsync(level, policies, groupUuids, new string[0], CancellationToken.None);
        var writesBefore = Emulator.Log.Entries.Count(e => e.Method != "GET");
        var again = await bindings.GrantAsync(level, policies, groupUuids, new string[0], CancellationToken.None);

        Assert.Equal(4, first.Count);
        Assert.Empty(again);
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
        var reader = (await new IamReferences(account, Log, Retry).PolicyUuidsAsync(level, new[] { "Settings Reader" }, new string[0], CancellationToken.None)).Single();
        var own = await new IamPolicies(account, Log, Retry).CreateAsync(level, "own", "", Statement, CancellationToken.None);
        var bindings = new PolicyBindings(account, Log, Retry);
        await bindings.GrantAsync(level, new[] { reader }, new[] { it.Uuid, sales.Uuid }, new string[0], CancellationToken.None);

        await bindings.ReplaceForGroupAsync(level, it.Uuid, new[] { own.Uuid }, CancellationToken.None);

        Assert.Equal(new[] { own.Uuid }, await bindings.PoliciesOfGroupAsync(level, it.Uuid, CancellationToken.None));
        Assert.Equal(new[] { reader }, await bindings.PoliciesOfGroupAsync(level, sales.Uuid, CancellationToken.None));
        Assert.True(await bindings.RemoveAsync(level, reader, sales.Uuid, CancellationToken.None));
        Assert.False(await bindings.RemoveAsync(level, reader, sales.Uuid, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_names_fail_before_any_write_and_binding_needs_the_bindings_scope()
    {
        using var account = ConnectAccount(EmulatorScopes.PoliciesRead, EmulatorScopes.IdentitiesRead, EmulatorScopes.IdentitiesWrite, EmulatorScopes.BindingsRead);
        var level = AccountLevel(account);
        var references = new IamReferences(account, Log, Retry);
        var noPolicy = await Assert.ThrowsAsync<DynatraceAwsException>(() => references.PolicyUuidsAsync(level, new[] { "nope" }, new string[0], CancellationToken.None));
        Assert.Equal("PolicyNotFound", noPolicy.ErrorId);
        var noGroup = await Assert.ThrowsAsync<DynatraceAwsException>(() => references.GroupUuidsAsync(new[] { "nope" }, new string[0], CancellationToken.None));
        Assert.Equal("GroupNotFound", noGroup.ErrorId);

        var group = await new IamGroups(account, Log, Retry).EnsureAsync("IT", "", CancellationToken.None);
        var reader = (await references.PolicyUuidsAsync(level, new[] { "Settings Reader" }, new string[0], CancellationToken.None)).Single();
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            new PolicyBindings(account, Log, Retry).GrantAsync(level, new[] { reader }, new[] { group.Uuid }, new string[0], CancellationToken.None));
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
}
