using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

/// <summary>Set-DtIamPolicy and New-DtIamPolicy read first and plan only what differs (a CSV row that is already right plans nothing).</summary>
public class PolicyUpdateTests : AccountIamTest
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", "", "")]
    [InlineData("aws-onboarding", " ", "ALLOW  settings:objects:read ;")]
    public async Task Blank_values_and_a_statement_in_other_whitespace_change_nothing(string? name, string? description, string? statement)
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var current = await policies.EnsureAsync(level, "aws-onboarding", "AWS", "ALLOW settings:objects:read;", CancellationToken.None);

        var plan = await policies.PlanUpdateAsync(level, current.Uuid, name, description, statement, CancellationToken.None);

        Assert.False(plan.HasChanges);
        Assert.Equal(("aws-onboarding", "AWS", "ALLOW settings:objects:read;"), (plan.Result().Name, plan.Result().Description, plan.Result().StatementQuery));
    }

    [Fact]
    public async Task The_values_that_differ_are_one_update_each_field_before_and_after_and_the_others_keep_the_policys()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var current = await policies.EnsureAsync(level, "aws-onboarding", "AWS", "ALLOW settings:objects:read;", CancellationToken.None);

        var plan = await policies.PlanUpdateAsync(level, current.Uuid, null, "AWS onboarding", "ALLOW settings:objects:write;", CancellationToken.None);
        var renamed = await policies.PlanUpdateAsync(level, current.Uuid, "renamed", "", "", CancellationToken.None);

        Assert.Equal($"Dynatrace: update IAM policy 'aws-onboarding' ({current.Uuid}): description 'AWS'; statements ALLOW settings:objects:read; " +
                     "-> description 'AWS onboarding'; statements ALLOW settings:objects:write;", Assert.Single(plan.Changes).ToString());
        Assert.Equal($"Dynatrace: update IAM policy 'aws-onboarding' ({current.Uuid}): name 'aws-onboarding' -> name 'renamed'",
            Assert.Single(renamed.Changes).ToString());
    }

    [Fact]
    public async Task An_update_found_by_UUID_or_by_name_writes_only_when_a_value_differs()
    {
        using var account = ConnectAccount();
        var policies = new IamPolicies(account, Log, Retry);
        var level = AccountLevel(account);
        var created = await policies.EnsureAsync(level, "csv-policy", "old", "ALLOW settings:objects:read;", CancellationToken.None);
        Emulator.Log.Clear();

        var same = await policies.PlanUpdateAsync(level, null, "csv-policy", "", "ALLOW settings:objects:read ;", CancellationToken.None);
        var unchanged = await same.ApplyAsync(CancellationToken.None);
        Assert.False(same.HasChanges);
        Assert.Equal(created.Uuid, unchanged.Uuid);
        Assert.Empty(AccountWrites);

        var edit = await policies.PlanUpdateAsync(level, created.Uuid, "csv-policy-2", "new", Statement, CancellationToken.None);
        Assert.Single(edit.Changes);
        Assert.Empty(AccountWrites);
        var updated = await edit.ApplyAsync(CancellationToken.None);
        Assert.Equal(("csv-policy-2", "new", Statement), (updated.Name, updated.Description, updated.StatementQuery));
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
        Assert.Equal(ChangeAction.Create, Assert.Single(toCreate.Changes).Action);
        Assert.Empty(AccountWrites);
        await toCreate.ApplyAsync(CancellationToken.None);
        Emulator.Log.Clear();

        var existing = await policies.PlanCreateAsync(level, "planned", "another description", Statement.Replace("; ", ";\n"), false, CancellationToken.None);
        Assert.False(existing.HasChanges);
        Assert.Equal("d", existing.Result().Description);
        var differs = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            policies.PlanCreateAsync(level, "planned", "", "ALLOW settings:objects:read;", false, CancellationToken.None));
        Assert.Equal("PolicyStatementDiffers", differs.ErrorId);
        var replace = await policies.PlanCreateAsync(level, "planned", "", "ALLOW settings:objects:read;", true, CancellationToken.None);
        Assert.StartsWith("statements ", Assert.Single(replace.Changes).Before);
        Assert.Empty(AccountWrites);

        var replaced = await replace.ApplyAsync(CancellationToken.None);
        Assert.Equal(("d", "ALLOW settings:objects:read;"), (replaced.Description, replaced.StatementQuery));
        Assert.Single(Emulator.Dynatrace.IamPolicies, p => p.Name == "planned");
    }
}
