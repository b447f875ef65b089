using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

/// <summary>Set-DtIamPolicy and New-DtIamPolicy read first and write only what differs (a CSV row that is already right sends nothing).</summary>
public class PolicyEditTests : AccountIamTest
{
    private static readonly IamPolicy Current = new("u-1", "aws-onboarding", "AWS", "ALLOW settings:objects:read;", "account", "a");

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", "", "")]
    [InlineData("aws-onboarding", " ", "ALLOW  settings:objects:read ;")]
    public void Blank_values_and_a_statement_in_other_whitespace_change_nothing(string? name, string? description, string? statement)
    {
        var edit = PolicyEdit.Of(Current, name, description, statement);
        Assert.True(edit.IsNoChange);
        Assert.Equal(("aws-onboarding", "AWS", "ALLOW settings:objects:read;"), (edit.Name, edit.Description, edit.StatementQuery));
    }

    [Fact]
    public void Each_differing_value_is_named_as_a_change_and_the_others_keep_the_policys()
    {
        var edit = PolicyEdit.Of(Current, null, "AWS onboarding", "ALLOW settings:objects:write;");
        Assert.Equal(new[] { "description", "statements" }, edit.Changes);
        Assert.Equal("aws-onboarding", edit.Name);
        Assert.Equal(new[] { "name" }, PolicyEdit.Of(Current, "renamed", "", "").Changes);
        Assert.False(PolicyEdit.Of(Current, "renamed", "", "").IsCreate);
    }

    [Fact]
    public async Task An_update_found_by_UUID_or_by_name_writes_only_when_a_value_differs()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var created = await policies.CreateAsync(level, "csv-policy", "old", "ALLOW settings:objects:read;", CancellationToken.None);
        Emulator.Log.Clear();

        var same = await policies.PlanUpdateAsync(level, null, "csv-policy", "", "ALLOW settings:objects:read ;", CancellationToken.None);
        var unchanged = await policies.ApplyAsync(level, same, CancellationToken.None);
        Assert.True(same.IsNoChange);
        Assert.Equal(PolicyChangeKind.Unchanged, unchanged.Kind);
        Assert.Empty(AccountWrites);

        var edit = await policies.PlanUpdateAsync(level, created.Uuid, "csv-policy-2", "new", Statement, CancellationToken.None);
        Assert.Equal(new[] { "name", "description", "statements" }, edit.Changes);
        Assert.Empty(AccountWrites);
        var updated = await policies.ApplyAsync(level, edit, CancellationToken.None);
        Assert.Equal(PolicyChangeKind.Updated, updated.Kind);
        Assert.Equal(("csv-policy-2", "new", Statement), (updated.Policy.Name, updated.Policy.Description, updated.Policy.StatementQuery));
        Assert.Single(AccountWrites);
    }

    [Fact]
    public async Task An_update_of_a_policy_that_is_not_there_or_not_named_fails_with_its_ErrorId()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);

        var byUuid = await Assert.ThrowsAsync<DynatraceAwsException>(() => policies.PlanUpdateAsync(level, "00000000-0000-4000-8000-000000000000", null, null, "x", CancellationToken.None));
        var byName = await Assert.ThrowsAsync<DynatraceAwsException>(() => policies.PlanUpdateAsync(level, " ", "nope", null, "x", CancellationToken.None));
        var neither = await Assert.ThrowsAsync<InvalidInputException>(() => policies.PlanUpdateAsync(level, "", "", "d", "x", CancellationToken.None));

        Assert.Equal("PolicyNotFound", byUuid.ErrorId);
        Assert.Equal("PolicyNotFound", byName.ErrorId);
        Assert.Contains("'nope'", byName.Message);
        Assert.Equal(("MissingPolicyUuidOrName", "Uuid"), (neither.ErrorId, neither.Field));
    }

    [Fact]
    public async Task A_create_reads_first_an_existing_policy_with_the_same_statement_needs_no_write_and_force_keeps_a_blank_description()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);

        var toCreate = await policies.PlanCreateAsync(level, "planned", "d", Statement, false, CancellationToken.None);
        Assert.True(toCreate.IsCreate);
        Assert.Empty(AccountWrites);
        await policies.ApplyAsync(level, toCreate, CancellationToken.None);
        Emulator.Log.Clear();

        var existing = await policies.PlanCreateAsync(level, "planned", "another description", Statement.Replace("; ", ";\n"), false, CancellationToken.None);
        Assert.True(existing.IsNoChange);
        Assert.Equal("d", existing.Current!.Description);
        var differs = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            policies.PlanCreateAsync(level, "planned", "", "ALLOW settings:objects:read;", false, CancellationToken.None));
        Assert.Equal("PolicyStatementDiffers", differs.ErrorId);
        var replace = await policies.PlanCreateAsync(level, "planned", "", "ALLOW settings:objects:read;", true, CancellationToken.None);
        Assert.Equal(new[] { "statements" }, replace.Changes);
        Assert.Empty(AccountWrites);

        var replaced = await policies.ApplyAsync(level, replace, CancellationToken.None);
        Assert.Equal(("d", "ALLOW settings:objects:read;"), (replaced.Policy.Description, replaced.Policy.StatementQuery));
        Assert.Single(Emulator.Dynatrace.IamPolicies, p => p.Name == "planned");
    }
}
