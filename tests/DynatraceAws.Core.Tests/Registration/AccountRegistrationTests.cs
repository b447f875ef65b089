using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Registration;

public class AccountRegistrationTests : EmulatorTest
{
    private static readonly string[] Members = Enumerable.Range(1, 100).Select(i => (200000000000L + i).ToString()).ToArray();

    /// <summary>The CSV a user would pipe in, one row per account, regions in one cell.</summary>
    private static IReadOnlyList<AccountRequest> Csv(IEnumerable<string> accounts) =>
        accounts.Select((a, i) => new AccountRequest { AccountId = a, Name = $"aws-{a}", Region = new[] { "eu-west-1;us-east-1" }, Source = $"row {i + 2}" })
            .ToArray();

    private async Task<RegistrationOptions> OptionsAsync(IEnumerable<string> members) => new()
    {
        ThrottleLimit = 16,
        Aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, members), Organization.AccessRole),
        RoleArn = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50) },
    };

    private async Task<List<AccountResult>> RunAsync(RegistrationOptions options, IReadOnlyList<AccountRequest> rows, CancellationToken ct = default,
        Func<Plan<AccountResult>, Task<Approval>>? approve = null)
    {
        var results = new ConcurrentQueue<AccountResult>();
        await new AccountRegistration(Environment, options, Log, Retry).RunAsync(rows, approve ?? Approve.All, results.Enqueue, ct);
        return results.ToList();
    }

    private void AssertCompleteWithoutDuplicatesOrOrphans(IEnumerable<string> accounts)
    {
        var connections = Emulator.Dynatrace.Connections;
        var configurations = Emulator.Dynatrace.MonitoringConfigurations;
        Assert.Equal(connections.Count, connections.Select(c => c.Name).Distinct().Count());
        Assert.Equal(configurations.Count, configurations.Select(c => c.AccountId).Distinct().Count());
        foreach (var account in accounts)
        {
            var connection = Assert.Single(connections, c => c.Name == $"aws-{account}");
            Assert.Equal($"arn:aws:iam::{account}:role/DynatraceMonitoringRole", connection.RoleArn);
            Assert.Equal(connection.ObjectId, Assert.Single(configurations, c => c.AccountId == account).ConnectionId);
            var role = Assert.Single(Emulator.Aws.Roles(account), r => r.Name == "DynatraceMonitoringRole");
            Assert.Equal(connection.ObjectId, TrustPolicy.ExternalIdRequiredOf(role.TrustPolicy, TrustPolicy.ProductionAccount));
            Assert.Equal(2, Emulator.Aws.Policies(account).Count);
        }
        Assert.Equal(connections.Count, configurations.Count);
    }

    [Fact]
    public async Task Onboards_100_accounts_then_a_rerun_is_100_AlreadyOnboarded_with_zero_writes()
    {
        var options = await OptionsAsync(Members);

        var first = await RunAsync(options, Csv(Members));

        Assert.All(first, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.Equal(100, first.Count);
        AssertCompleteWithoutDuplicatesOrOrphans(Members);

        Emulator.Log.Clear();
        var second = await RunAsync(options, Csv(Members));
        Assert.All(second, r => Assert.Equal(AccountStatus.Unchanged, r.Status));
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Operation != "AssumeRole");
        Assert.Equal(1, Emulator.Log.Entries.Count(e => e.Path.EndsWith("/settings/objects", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_new_account_costs_at_most_ten_calls_one_of_them_the_role_check_and_the_run_reads_the_environment_once()
    {
        var members = Members.Take(10).ToArray();
        var options = await OptionsAsync(members);

        await RunAsync(options, Csv(members));

        var calls = Emulator.Log.Entries;
        // The connections, the configurations, the active da-aws version and its schema, and whom the credentials belong to.
        var runLevel = calls.Count(e => (e.Method == "GET" && (e.Path.EndsWith("/settings/objects") || e.Path.EndsWith("/monitoring-configurations")
                                                              || e.Path.EndsWith("/extensions") || e.Path.EndsWith("/schema")))
                                        || e.Operation == "GetCallerIdentity");
        Assert.Equal(5, runLevel);
        Assert.Equal(10 * members.Length, calls.Count - runLevel);
        Assert.Equal(members.Length, calls.Count(e => e.Operation == "GetRole"));
        Assert.Equal(0, calls.Count(e => e.Operation is "GetPolicy" or "ListAttachedRolePolicies"));
        Assert.Equal(0, calls.Count(e => e.Method == "GET" && e.Path.Contains("/settings/objects/")));
    }

    [Fact]
    public async Task Rows_start_as_they_arrive_and_a_later_row_of_an_account_fails_even_after_the_first_finished()
    {
        var members = Members.Take(2).ToArray();
        var options = await OptionsAsync(members);
        using var results = new BlockingCollection<AccountResult>();
        var run = new AccountRegistration(Environment, options, Log, Retry).StartRun(Approve.All, results.Add, CancellationToken.None);

        run.Add(Csv(members.Take(1))[0]);
        var first = await Task.Run(() => results.TryTake(out var result, TimeSpan.FromSeconds(60)) ? result : null);

        Assert.NotNull(first);
        Assert.Equal(AccountStatus.Onboarded, first.Status);
        Assert.False(run.Completion.IsCompleted); // no more rows was never said: the result did not wait for it
        run.Add(new AccountRequest { AccountId = members[0], Name = "aws-again", Source = "row 3" });
        run.Add(new AccountRequest { AccountId = members[1], Name = $"aws-{members[1]}", Region = new[] { "eu-west-1;us-east-1" }, Source = "row 4" });
        run.Complete();
        await run.Completion;

        var later = results.ToDictionary(r => r.Source!);
        Assert.Equal("DuplicateAccount", later["row 3"].ErrorId);
        Assert.Contains("row 2", later["row 3"].Error);
        Assert.Equal(AccountStatus.Onboarded, later["row 4"].Status);
        Assert.Equal(3, run.Added);
        Assert.Throws<InvalidOperationException>(() => run.Add(new AccountRequest { AccountId = members[1] }));
        AssertCompleteWithoutDuplicatesOrOrphans(members);
    }

    [Fact]
    public async Task A_run_cancelled_half_way_and_run_again_ends_complete_without_duplicates_or_orphans()
    {
        var members = Members.Take(40).ToArray();
        var options = await OptionsAsync(members);
        options.ThrottleLimit = 4;
        using var cancel = new CancellationTokenSource();
        var finished = 0;
        var run = new AccountRegistration(Environment, options, Log, Retry)
            .RunAsync(Csv(members), Approve.All, _ => { if (Interlocked.Increment(ref finished) == 15) cancel.Cancel(); }, cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.InRange(Emulator.Dynatrace.MonitoringConfigurations.Count, 1, 39);

        var rerun = await RunAsync(options, Csv(members));

        Assert.All(rerun, r => Assert.NotEqual(AccountStatus.Failed, r.Status));
        Assert.Contains(rerun, r => r.Status == AccountStatus.Unchanged);
        AssertCompleteWithoutDuplicatesOrOrphans(members);
    }

    [Fact]
    public async Task A_renamed_row_reuses_the_connection_the_account_is_onboarded_with()
    {
        var members = Members.Take(1).ToArray();
        var options = await OptionsAsync(members);
        await RunAsync(options, Csv(members));
        Emulator.Log.Clear();

        var renamed = await RunAsync(options, new[] { new AccountRequest { AccountId = members[0], Name = "a-new-name", Region = new[] { "eu-west-1" } } });

        var result = Assert.Single(renamed);
        Assert.Equal(AccountStatus.Unchanged, result.Status);
        Assert.Equal(Assert.Single(Emulator.Dynatrace.Connections).Name, result.ConnectionName);
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Operation != "AssumeRole");
    }

    [Fact]
    public async Task WhatIf_plans_both_sides_per_account_and_writes_nothing()
    {
        var members = Members.Take(3).ToArray();
        var options = await OptionsAsync(members);

        var plans = await RunAsync(options, Csv(members), approve: Approve.WhatIf);

        Assert.All(plans, p => Assert.Equal(AccountStatus.Planned, p.Status));
        var plan = plans.First().Changes.Select(c => c.ToString()).ToArray();
        Assert.Contains(plan, c => c.StartsWith("Dynatrace: create AWS connection"));
        Assert.Contains(plan, c => c.StartsWith("AWS: create role DynatraceMonitoringRole"));
        Assert.Contains(plan, c => c.StartsWith("Dynatrace: update role ARN"));
        Assert.Contains(plan, c => c.StartsWith("Dynatrace: create monitoring configuration"));
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Operation != "AssumeRole");
    }

    [Fact]
    public async Task Bad_rows_fail_alone_with_their_field_and_good_rows_go_through()
    {
        var good = Members.Take(3).ToArray();
        var options = await OptionsAsync(good);
        var rows = new List<AccountRequest>(Csv(good))
        {
            new() { AccountId = "12345678901", Source = "row 5" },
            new() { AccountId = good[0], Name = "aws-again", Source = "row 6" },
            new() { AccountId = "300000000001", Name = "has:colon", Source = "row 7" },
            new() { AccountId = "300000000002", Region = new[] { "cn-north-1" }, Source = "row 8" },
            new() { AccountId = "300000000003", Region = new[] { "eu-middle-earth" }, Source = "row 9" },
        };

        var results = await RunAsync(options, rows);

        Assert.Equal(3, results.Count(r => r.Status == AccountStatus.Onboarded));
        var failed = results.Where(r => r.Status == AccountStatus.Failed).ToDictionary(r => r.Source!);
        Assert.Equal("InvalidAccountId", failed["row 5"].ErrorId);
        Assert.Equal("DuplicateAccount", failed["row 6"].ErrorId);
        Assert.Equal("InvalidConnectionName", failed["row 7"].ErrorId);
        Assert.Equal("PartitionNotSupported", failed["row 8"].ErrorId);
        Assert.Equal("InvalidRegion", failed["row 9"].ErrorId);
        Assert.All(failed.Values, f => Assert.Equal(OnboardingStep.Validate, f.Step));
        AssertCompleteWithoutDuplicatesOrOrphans(good);
    }

    [Fact]
    public async Task Unregister_then_Test_shows_nothing_left_on_either_side()
    {
        var members = Members.Take(2).ToArray();
        var options = await OptionsAsync(members);
        await RunAsync(options, Csv(members));

        var removal = new AccountRemoval(Environment, Log, Retry);
        foreach (var account in members)
        {
            var result = await removal.RemoveAsync(new RemovalRequest { AccountId = account, Aws = options.Aws }, Approve.All, CancellationToken.None);
            Assert.Equal(RemovalStatus.Removed, result.Status);
            Assert.Empty(result.Leftovers);
        }
        var again = await new AccountRemoval(Environment, Log, Retry).RemoveAsync(new RemovalRequest { AccountId = members[0], Aws = options.Aws },
            Approve.All, CancellationToken.None);
        Assert.Equal(RemovalStatus.NothingToRemove, again.Status);

        Assert.Empty(Emulator.Dynatrace.Connections);
        Assert.Empty(Emulator.Dynatrace.MonitoringConfigurations);
        foreach (var account in members)
        {
            Assert.DoesNotContain(Emulator.Aws.Roles(account), r => r.Name == "DynatraceMonitoringRole");
            Assert.Empty(Emulator.Aws.Policies(account));
            var checks = await new AccountDrift(Environment, Log, Retry).CheckAsync(account, null, options.Aws, "DynatraceMonitoringRole", null, CancellationToken.None);
            Assert.Equal(CheckResult.Fail, checks.Single(c => c.Check == "ConnectionExists").Result);
            Assert.Equal(CheckResult.Fail, checks.Single(c => c.Check == "ConfigurationExists").Result);
            Assert.Equal(CheckResult.Fail, checks.Single(c => c.Check == "RoleExists").Result);
        }
    }

    [Fact]
    public async Task Test_of_an_account_without_a_connection_still_finds_a_role_left_in_AWS()
    {
        var members = Members.Take(1).ToArray();
        var options = await OptionsAsync(members);
        await RunAsync(options, Csv(members));
        var removed = await new AccountRemoval(Environment, Log, Retry).RemoveAsync(new RemovalRequest { AccountId = members[0] }, Approve.All, CancellationToken.None);
        Assert.Equal(RemovalStatus.Removed, removed.Status);

        var checks = await new AccountDrift(Environment, Log, Retry).CheckAsync(members[0], null, options.Aws, "DynatraceMonitoringRole", null, CancellationToken.None);

        var role = checks.Single(c => c.Check == "RoleExists");
        Assert.Equal(CheckResult.Pass, role.Result);
        Assert.Contains($"arn:aws:iam::{members[0]}:role/DynatraceMonitoringRole", role.Detail);
        Assert.Equal(CheckResult.Skipped, checks.Single(c => c.Check == "RoleTrustsConnection").Result);
    }

    [Fact]
    public async Task Test_passes_every_check_of_an_onboarded_account_and_finds_drift()
    {
        var members = Members.Take(1).ToArray();
        var options = await OptionsAsync(members);
        await RunAsync(options, Csv(members));
        var drift = new AccountDrift(Environment, Log, Retry);

        var checks = await drift.CheckAsync(members[0], null, options.Aws, "DynatraceMonitoringRole", null, CancellationToken.None);
        Assert.All(checks, c => Assert.Equal(CheckResult.Pass, c.Result));
        Assert.Contains(checks, c => c.Check == "RoleTrustsConnection");

        var configuration = Emulator.Dynatrace.MonitoringConfigurations.Single();
        await new MonitoringConfigurations(Environment, Log, Retry).UpdateAsync(configuration.ObjectId, new MonitoringConfigurationChange { Enabled = false }, CancellationToken.None);
        var drifted = await drift.CheckAsync(members[0], null, options.Aws, "DynatraceMonitoringRole", null, CancellationToken.None);
        var enabled = drifted.Single(c => c.Check == "ConfigurationEnabled");
        Assert.Equal(CheckResult.Fail, enabled.Result);
        Assert.Contains("Enable-DtMonitoringConfiguration", enabled.Fix);
    }
}
