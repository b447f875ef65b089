using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Registration;

/// <summary>
/// Check first, then write (issue 14): everything that can be checked for an account is checked
/// before its first write, counted in the emulator's request log.
/// </summary>
public class CheckFirstTests : EmulatorTest
{
    private static string[] Members(int count) => Enumerable.Range(1, count).Select(i => (200000000000L + i).ToString()).ToArray();

    private static AccountRequest Row(string account, string? region = "eu-west-1", string? featureSet = null, int row = 0) => new()
    {
        AccountId = account,
        Name = $"aws-{account}",
        Region = region is null ? null : new[] { region },
        FeatureSet = featureSet is null ? null : new[] { featureSet },
        Source = $"row {row}",
    };

    private async Task<RegistrationOptions> OptionsAsync(IEnumerable<string> members, string? secretKey = null)
    {
        var aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, members), Organization.AccessRole);
        if (secretKey != null) aws.SecretKey = SecureText(secretKey);
        return new RegistrationOptions
        {
            ThrottleLimit = 16,
            Aws = aws,
            RoleArn = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50) },
        };
    }

    private async Task<List<AccountResult>> RunAsync(RegistrationOptions options, IReadOnlyList<AccountRequest> rows,
        Func<Plan<AccountResult>, Task<Approval>>? approve = null)
    {
        var results = new ConcurrentQueue<AccountResult>();
        await new AccountRegistration(Environment, options, Log, Retry).RunAsync(rows, approve ?? Approve.All, results.Enqueue, CancellationToken.None);
        return results.ToList();
    }

    private int DynatraceWrites => Emulator.Log.Writes.Count(w => w.Service == "dynatrace");

    [Fact]
    public async Task Two_hundred_accounts_with_wrong_AWS_keys_make_no_Dynatrace_write_and_fail_at_Reachability()
    {
        var members = Members(200);
        var options = await OptionsAsync(members, secretKey: "not-the-secret-key");

        var results = await RunAsync(options, members.Select(a => Row(a)).ToArray());

        Assert.Equal(200, results.Count);
        Assert.All(results, r => Assert.Equal((AccountStatus.Failed, OnboardingStep.Reachability), (r.Status, r.Step)));
        Assert.Equal(0, DynatraceWrites);
        Assert.Empty(Emulator.Dynatrace.Connections);
    }

    [Fact]
    public async Task Two_hundred_accounts_while_AWS_is_down_make_no_Dynatrace_write_and_fail_at_Reachability()
    {
        var members = Members(200);
        var options = await OptionsAsync(members);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Service = "sts" });

        var results = await RunAsync(options, members.Select(a => Row(a)).ToArray());

        Assert.Equal(200, results.Count);
        Assert.All(results, r => Assert.Equal((AccountStatus.Failed, OnboardingStep.Reachability), (r.Status, r.Step)));
        Assert.Equal(0, DynatraceWrites);
    }

    [Fact]
    public async Task Made_up_regions_and_feature_set_typos_fail_before_any_write_with_the_nearest_values_and_the_good_rows_are_onboarded()
    {
        var members = Members(7);
        var options = await OptionsAsync(members);
        var rows = new[]
        {
            Row(members[0], row: 2),
            Row(members[1], "us-east-9", row: 3),
            Row(members[2], "mars-north-1", row: 4),
            Row(members[3], "eu-west-1", "EC2_esential", row: 5),
            Row(members[4], "eu-wset-1", row: 6),
            Row(members[5], "eu-central-1;us-east-1", "S3_essential", row: 7),
            Row(members[6], "us-gov-west-1", row: 8),
        };

        var results = (await RunAsync(options, rows)).ToDictionary(r => r.AccountId);

        Assert.Equal(AccountStatus.Onboarded, results[members[0]].Status);
        Assert.Equal(AccountStatus.Onboarded, results[members[5]].Status);
        var bad = members.Skip(1).Take(4).ToArray();
        foreach (var account in bad)
        {
            var result = results[account];
            Assert.Equal((AccountStatus.Failed, OnboardingStep.Validate), (result.Status, result.Step));
            Assert.DoesNotContain(Emulator.Aws.Roles(account), r => r.Name == MonitoringRoleSpec.DefaultRoleName);
            Assert.DoesNotContain(Emulator.Dynatrace.Connections, c => c.Name == $"aws-{account}");
        }
        Assert.Equal("InvalidRegion", results[members[1]].ErrorId);
        Assert.StartsWith("row 3: Region 'us-east-9' is not an AWS region", results[members[1]].Error);
        Assert.StartsWith("row 5: FeatureSet 'EC2_esential'", results[members[3]].Error);
        Assert.Contains("us-east-1", Fix(results[members[1]]));
        Assert.Equal("InvalidRegion", results[members[2]].ErrorId);
        Assert.Equal("InvalidFeatureSet", results[members[3]].ErrorId);
        Assert.StartsWith("Did you mean EC2_essential", Fix(results[members[3]]));
        Assert.StartsWith("Did you mean eu-west-1", Fix(results[members[4]]));
        Assert.Equal("PartitionNotSupported", results[members[6]].ErrorId);
        Assert.StartsWith("row 8: Region 'us-gov-west-1' is in the AWS partition aws-us-gov", results[members[6]].Error);
        Assert.Equal(2, Emulator.Log.Entries.Count(e => e.Operation == "AssumeRole"));

        static string Fix(AccountResult result) => Assert.IsAssignableFrom<DynatraceAwsException>(result.GetException()).RecommendedAction!;
    }

    [Fact]
    public async Task Rows_whose_regions_or_feature_sets_drifted_are_updated_with_before_and_after_and_a_rerun_writes_nothing()
    {
        var members = Members(2);
        var options = await OptionsAsync(members);
        await RunAsync(options, members.Select(a => Row(a)).ToArray());
        var drifted = members.Select(a => Row(a, "eu-west-1;eu-central-1", "S3_essential")).ToArray();
        Emulator.Log.Clear();

        var plans = await RunAsync(options, drifted, Approve.WhatIf);
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Operation != "AssumeRole");
        var change = Assert.Single(plans[0].Changes);
        Assert.Equal((PlannedChange.Dynatrace, ChangeAction.Update), (change.Side, change.Action));
        Assert.Contains("regions us-east-1, eu-west-1", change.Before);
        Assert.Contains("regions us-east-1, eu-west-1, eu-central-1", change.After);
        Assert.Contains("feature sets S3_essential", change.After);

        var applied = await RunAsync(options, drifted);
        Assert.All(applied, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.All(Emulator.Dynatrace.MonitoringConfigurations, c => Assert.Contains("eu-central-1", c.ValueJson));

        Emulator.Log.Clear();
        var rerun = await RunAsync(options, drifted);
        Assert.All(rerun, r => Assert.Equal(AccountStatus.Unchanged, r.Status));
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Operation != "AssumeRole");
    }

    [Fact]
    public async Task Accounts_declined_at_the_prompt_come_back_Skipped_and_nothing_is_written_for_them()
    {
        var members = Members(10);
        var options = await OptionsAsync(members);
        var declined = members.Where((_, i) => i % 2 == 0).ToHashSet();

        var results = await RunAsync(options, members.Select(a => Row(a)).ToArray(),
            Approve.When(plan => !declined.Any(a => plan.Target.Contains(a))));

        Assert.Equal(10, results.Count);
        foreach (var result in results)
        {
            var skipped = declined.Contains(result.AccountId);
            Assert.Equal(skipped ? AccountStatus.Skipped : AccountStatus.Onboarded, result.Status);
            Assert.NotEmpty(result.Changes);
            Assert.Equal(skipped, Emulator.Aws.Roles(result.AccountId).All(r => r.Name != MonitoringRoleSpec.DefaultRoleName));
        }
        Assert.Equal(5, Emulator.Dynatrace.Connections.Count);
    }

    [Fact]
    public async Task The_us_east_1_warning_counts_only_the_accounts_whose_configuration_is_written()
    {
        var members = Members(4);
        var options = await OptionsAsync(members);
        var declined = members.Take(3).ToHashSet();

        await RunAsync(options, members.Select(a => Row(a, "eu-west-1")).ToArray(), Approve.When(plan => !declined.Any(a => plan.Target.Contains(a))));

        var warning = Assert.Single(Log.Messages, m => m.StartsWith("WARNING") && m.Contains("us-east-1"));
        Assert.Contains("1 account(s)", warning);
        Assert.Contains(members[3], warning);
    }

    [Fact]
    public async Task A_row_naming_another_connection_for_an_onboarded_account_keeps_the_connection_and_says_so()
    {
        var members = Members(2);
        var options = await OptionsAsync(members);
        await RunAsync(options, members.Select(a => Row(a)).ToArray());
        Log.Messages.Clear();
        Emulator.Log.Clear();
        var renamed = Row(members[0]);
        renamed.Name = "a-new-name";

        var results = (await RunAsync(options, new[] { renamed, Row(members[1]) })).ToDictionary(r => r.AccountId);

        Assert.Equal((AccountStatus.Unchanged, $"aws-{members[0]}"), (results[members[0]].Status, results[members[0]].ConnectionName));
        var warning = Assert.Single(Log.Messages, m => m.StartsWith("WARNING") && m.Contains("keep their names"));
        Assert.Contains($"1 account(s) ({members[0]})", warning);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task The_management_account_is_onboarded_with_the_callers_own_credentials()
    {
        var members = Members(1);
        var options = await OptionsAsync(members);

        var results = await RunAsync(options, new[] { Row(Organization.ManagementAccount), Row(members[0]) });

        Assert.All(results, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.Equal(1, Emulator.Log.Entries.Count(e => e.Operation == "AssumeRole"));
        Assert.Single(Emulator.Aws.Roles(Organization.ManagementAccount), r => r.Name == MonitoringRoleSpec.DefaultRoleName);
        Assert.True(Log.Has("VERBOSE", "without assuming OrganizationAccountAccessRole"));
    }

    [Fact]
    public async Task A_role_that_trusts_another_connection_fails_at_Read_before_the_connection_is_created()
    {
        var members = Members(1);
        var options = await OptionsAsync(members);
        await RunAsync(options, new[] { Row(members[0]) });
        // Dynatrace forgets the account (its configuration and connection deleted); the role in AWS still trusts the old connection.
        var configurations = new MonitoringConfigurations(Environment, Log, Retry);
        foreach (var configuration in Emulator.Dynatrace.MonitoringConfigurations)
            await configurations.PlanDeleteAsync(configuration.ObjectId, CancellationToken.None).ApplyAsync(CancellationToken.None);
        var connections = new AwsConnections(Environment, Log, Retry);
        foreach (var connection in Emulator.Dynatrace.Connections)
            await connections.PlanDeleteAsync(connection.ObjectId, CancellationToken.None).ApplyAsync(CancellationToken.None);
        Emulator.Log.Clear();

        var result = Assert.Single(await RunAsync(options, new[] { Row(members[0]) }));

        Assert.Equal((AccountStatus.Failed, OnboardingStep.Read, "RoleTrustMismatch"), (result.Status, result.Step, result.ErrorId));
        Assert.Equal(0, DynatraceWrites);
    }

    [Fact]
    public async Task Us_east_1_added_to_fifty_rows_is_one_warning_and_a_rerun_that_writes_nothing_warns_of_nothing()
    {
        var members = Members(50);
        var options = await OptionsAsync(members);
        var rows = members.Select(a => Row(a, "eu-west-1")).ToArray();

        await RunAsync(options, rows);
        var first = Log.Messages.Count(m => m.StartsWith("WARNING") && m.Contains("us-east-1"));
        Log.Messages.Clear();
        await RunAsync(options, rows);

        Assert.Equal(1, first);
        Assert.DoesNotContain(Log.Messages, m => m.StartsWith("WARNING"));
    }
}
