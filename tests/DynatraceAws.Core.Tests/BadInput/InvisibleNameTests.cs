using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Organizations;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.AccountIam;
using Xunit;
using static DynatraceAws.Core.Tests.BadInput.Hostile;

namespace DynatraceAws.Core.Tests.BadInput;

/// <summary>
/// Names people read refuse the characters that make one name look like another or hide text
/// (issue 16): the field is named, the message shows where, and nothing is sent. Connection names
/// are in <see cref="ApiBadInputTests"/> (Hostile.ConnectionNames).
/// </summary>
public sealed class InvisibleNameTests : AccountIamTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task AssertRefused(string field, Func<string, Task> call)
    {
        var problems = new List<string?>();
        foreach (var (label, value) in InvisibleInNames)
            problems.Add(await ProblemAsync(label, field, Emulator.Log, () => call(value!)));
        AssertAllRefused(problems);
    }

    [Fact]
    public async Task Account_iam_names_are_refused_before_any_request()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var policies = new IamPolicies(account, Log, Retry);
        var existing = await policies.PlanCreateAsync(level, Unique("visible"), "", Statement, false, None).ApplyAsync(None);

        await AssertRefused("Name", v => new ServiceUsers(account, Log, Retry).PlanCreateAsync(v, "", None));
        await AssertRefused("Name", v => new IamGroups(account, Log, Retry).PlanCreateAsync(v, "", None));
        await AssertRefused("Name", v => policies.PlanCreateAsync(level, v, "", Statement, false, None));
        await AssertRefused("Name", v => policies.PlanUpdateAsync(level, existing.Uuid, v, null, null, None));
        await AssertRefused("Name", v => new PlatformTokens(account, Log, Retry).PlanCreateAsync(v, new[] { "storage:logs:read" }, new[] { "abc12345" },
            DateTimeOffset.UtcNow.AddDays(1), Guid.NewGuid().ToString(), None));
        await AssertRefused("Name", v => new AwsOnboardingSetup(account, Log, Retry).PlanAsync(v, null, null, DateTimeOffset.UtcNow.AddDays(1), None));
    }

    [Fact]
    public void A_classic_label_and_a_name_template_are_refused()
    {
        AssertAllRefused(InvisibleInNames.Select(row => WrongRejection(
            Record.Exception(() => new AwsCredentialSpec { Label = row.Value!, AccountId = "123456789012" }.Validate()), "Label")));
        AssertAllRefused(InvisibleInNames.Select(row => WrongRejection(
            Record.Exception(() => new ConnectionNameTemplate(row.Value + "-{AccountId}")), "NameTemplate")));
    }

    [Fact]
    public void A_connection_named_after_an_organization_account_leaves_the_invisible_characters_of_its_name_out()
    {
        var account = new OrganizationAccount("123456789012", "Pay\u202Emoc.evil\u200B", "owner@example.com", "ACTIVE", "arn:aws:organizations::1:account/o-1/123456789012");

        Assert.Equal("aws-Paymoc.evil", new ConnectionNameTemplate(null).NameFor(account));
    }

    [Fact]
    public void The_message_names_the_character_and_its_place_and_never_holds_the_character_itself()
    {
        var error = Assert.Throws<InvalidInputException>(() => InputRules.ConnectionName("invoice-\u202Efdp.exe"));

        Assert.Equal("InvalidConnectionName", error.ErrorId);
        Assert.Equal("Name 'invoice-<U+202E>fdp.exe' contains the invisible character U+202E at position 9", error.Message);
        Assert.Equal(-1, InvisibleCharacters.IndexIn(error.Message + error.RecommendedAction));
    }

    [Theory]
    [InlineData("aws prod 🚀")]
    [InlineData("ünïcode ßtaging")]
    [InlineData("운영-계정")]
    [InlineData("حساب-الإنتاج")]
    public void Visible_characters_of_any_script_and_emoji_pass(string name) => Assert.Equal(name, InputRules.ConnectionName(name));
}
