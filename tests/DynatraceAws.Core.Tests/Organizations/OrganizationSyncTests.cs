using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Organizations;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Organizations;

public class OrganizationSyncTests : EmulatorTest
{
    private OrganizationTree _tree = null!;

    private async Task<List<SyncResult>> SyncAsync(string unit, bool removeDeparted = false, bool whatIf = false,
        Func<Plan<RemovalResult>, Task<Approval>>? approveOffboarding = null, string[]? region = null)
    {
        var options = new RegistrationOptions
        {
            ThrottleLimit = 16,
            Aws = AwsAccounts.Options(Emulator, _tree.Management, Organization.AccessRole),
            Region = region,
            RoleArn = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50) },
        };
        var sync = new OrganizationSync(Environment, options, Log, Retry);
        var query = new OrganizationAccountQuery { OrganizationalUnitId = _tree.Units[unit], Recurse = true };
        var comparison = await sync.CompareAsync(_tree.Client(Emulator, Retry), query, new ConnectionNameTemplate(null), CancellationToken.None);
        var results = new ConcurrentQueue<SyncResult>();
        await sync.RunAsync(comparison, removeDeparted, keepRole: false, whatIf ? Approve.WhatIf : Approve.All,
            approveOffboarding ?? (whatIf ? Approve.WhatIf : Approve.All), results.Enqueue, CancellationToken.None);
        return results.ToList();
    }

    private IReadOnlyList<string> ConfiguredAccounts() =>
        Emulator.Dynatrace.MonitoringConfigurations.Select(c => c.AccountId).OrderBy(a => a).ToArray();

    [Fact]
    public async Task Syncs_an_OU_subtree_then_offboards_the_accounts_that_left_and_a_final_sync_writes_nothing()
    {
        _tree = OrganizationTree.Build(Emulator);
        var workloads = _tree.AccountsIn("Prod", "Prod-EU", "Dev").Except(OrganizationTree.SuspendedAccounts).OrderBy(a => a).ToArray();

        var first = await SyncAsync("Workloads");

        Assert.All(first, r => Assert.True(r.Status == SyncStatus.Onboarded, $"{r.AccountId}: {r.Status} at {r.Step}: {r.Error}"));
        Assert.Equal(workloads, first.Select(r => r.AccountId).OrderBy(a => a));
        Assert.Equal(workloads, ConfiguredAccounts());
        Assert.Contains(Emulator.Dynatrace.Connections, c => c.Name == "aws-Payments- Prod");
        Assert.Equal("Root/Workloads/Prod", first.Single(r => r.AccountId == OrganizationTree.Account(1)).OrganizationalUnitPath);

        var leaving = new[] { OrganizationTree.Account(2), OrganizationTree.Account(26) };
        foreach (var account in leaving) Emulator.Aws.Organization.RemoveAccount(account);
        // Moving within the organization is not leaving it: a sync of one OU never offboards another OU's accounts.
        Emulator.Aws.Organization.MoveAccount(OrganizationTree.Account(27), _tree.Units["Sandbox"]);

        var reported = await SyncAsync("Workloads");
        Assert.Equal(leaving, reported.Where(r => r.Status == SyncStatus.Departed).Select(r => r.AccountId).OrderBy(a => a));
        Assert.Equal(workloads, ConfiguredAccounts());

        var second = await SyncAsync("Workloads", removeDeparted: true);

        Assert.Equal(leaving, second.Where(r => r.Status == SyncStatus.Offboarded).Select(r => r.AccountId).OrderBy(a => a));
        Assert.Equal(workloads.Except(leaving), ConfiguredAccounts());
        Assert.DoesNotContain(Emulator.Dynatrace.Connections, c => leaving.Any(a => c.RoleArn.Contains(a)));
        Assert.All(leaving, a => Assert.DoesNotContain(Emulator.Aws.Roles(a), r => r.Name == MonitoringRoleSpec.DefaultRoleName));

        Emulator.Log.Clear();
        var final = await SyncAsync("Workloads", removeDeparted: true);

        Assert.Empty(Emulator.Log.Writes);
        Assert.All(final, r => Assert.Equal(SyncStatus.InSync, r.Status));
        Assert.All(final, r => Assert.StartsWith("aws-", r.ConnectionName));
        Assert.Equal(workloads.Except(leaving).Except(new[] { OrganizationTree.Account(27) }), final.Select(r => r.AccountId).OrderBy(a => a));
    }

    [Fact]
    public async Task A_rerun_finishes_the_connections_a_sync_made_before_it_failed_at_the_role()
    {
        _tree = OrganizationTree.Build(Emulator);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Service = "iam", Operation = "CreateRole" });

        var failed = await SyncAsync("Prod-EU");
        Assert.All(failed, r => Assert.True(r.Status == SyncStatus.Failed && r.Step == "Role", $"{r.AccountId}: {r.Status} at {r.Step}"));
        var halfMade = Emulator.Dynatrace.Connections.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(failed.Count, halfMade.Length);

        Emulator.Faults.Clear();
        var rerun = await SyncAsync("Prod-EU");

        Assert.All(rerun, r => Assert.True(r.Status == SyncStatus.Onboarded, $"{r.AccountId}: {r.Status} at {r.Step}: {r.Error}"));
        Assert.Equal(halfMade, Emulator.Dynatrace.Connections.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(Emulator.Dynatrace.Connections, c => Assert.NotEqual("", c.RoleArn));
    }

    [Fact]
    public async Task A_plan_writes_nothing_and_names_what_would_change()
    {
        _tree = OrganizationTree.Build(Emulator);

        var plan = await SyncAsync("Prod-EU", whatIf: true);

        Assert.Empty(Emulator.Log.Writes);
        Assert.Equal(9, plan.Count);
        Assert.All(plan, r => Assert.Equal(SyncStatus.Planned, r.Status));
        Assert.All(plan, r => Assert.Contains(r.Changes, c => c.ToString().StartsWith("Dynatrace: create AWS connection 'aws-prod-eu-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Onboarded_members_converge_to_the_regions_a_run_names_and_a_rerun_writes_nothing()
    {
        _tree = OrganizationTree.Build(Emulator);
        Assert.All(await SyncAsync("Prod-EU"), r => Assert.Equal(SyncStatus.Onboarded, r.Status));

        Emulator.Log.Clear();
        var inSync = await SyncAsync("Prod-EU");
        Assert.All(inSync, r => Assert.Equal(SyncStatus.InSync, r.Status));
        Assert.DoesNotContain(Emulator.Log.Entries, e => e.Service is "iam" or "sts");

        var planned = await SyncAsync("Prod-EU", whatIf: true, region: ["eu-west-1"]);
        Assert.Empty(Emulator.Log.Writes);
        Assert.Equal(inSync.Count, planned.Count);
        Assert.All(planned, r => Assert.Equal(SyncStatus.Planned, r.Status));
        Assert.All(planned, r => Assert.Contains(r.Changes, c => c.Action == ChangeAction.Update && c.After!.Contains("eu-west-1")));

        var converged = await SyncAsync("Prod-EU", region: ["eu-west-1"]);
        Assert.All(converged, r => Assert.True(r.Status == SyncStatus.Onboarded, $"{r.AccountId}: {r.Status} at {r.Step}: {r.Error}"));
        Assert.All(Emulator.Dynatrace.MonitoringConfigurations, c => Assert.Contains("eu-west-1", c.ValueJson));

        Emulator.Log.Clear();
        var rerun = await SyncAsync("Prod-EU", region: ["eu-west-1"]);
        Assert.All(rerun, r => Assert.Equal(SyncStatus.InSync, r.Status));
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task Departed_accounts_are_planned_under_WhatIf_and_those_declined_at_the_prompt_are_Skipped()
    {
        _tree = OrganizationTree.Build(Emulator);
        var members = await SyncAsync("Prod-EU");
        var leaving = new[] { OrganizationTree.Account(16), OrganizationTree.Account(17) };
        foreach (var account in leaving) Emulator.Aws.Organization.RemoveAccount(account);
        Emulator.Log.Clear();

        var planned = await SyncAsync("Prod-EU", removeDeparted: true, whatIf: true);

        Assert.Empty(Emulator.Log.Writes);
        Assert.Equal(members.Count, planned.Count);
        Assert.All(planned.Where(r => leaving.Contains(r.AccountId)), r =>
        {
            Assert.Equal(SyncStatus.Planned, r.Status);
            Assert.StartsWith("Dynatrace: delete monitoring configuration", r.Changes[0].ToString());
        });

        var results = await SyncAsync("Prod-EU", removeDeparted: true, approveOffboarding: Approve.When<RemovalResult>(p => p.Target.Contains(leaving[0])));

        Assert.Equal(members.Count, results.Count);
        Assert.Equal(SyncStatus.Offboarded, results.Single(r => r.AccountId == leaving[0]).Status);
        var skipped = results.Single(r => r.AccountId == leaving[1]);
        Assert.Equal(SyncStatus.Skipped, skipped.Status);
        Assert.Contains("Declined", skipped.Error);
        Assert.NotEmpty(skipped.Changes);
        Assert.Contains(Emulator.Dynatrace.MonitoringConfigurations, c => c.AccountId == leaving[1]);
        Assert.DoesNotContain(Emulator.Dynatrace.MonitoringConfigurations, c => c.AccountId == leaving[0]);
        Assert.Contains(Emulator.Aws.Roles(leaving[1]), r => r.Name == MonitoringRoleSpec.DefaultRoleName);
    }

    [Fact]
    public async Task The_whole_organization_is_synced_with_its_management_account_reached_by_the_callers_own_credentials()
    {
        _tree = OrganizationTree.Build(Emulator);

        var plan = await SyncAsync("Root", whatIf: true);
        Assert.Equal(60 - OrganizationTree.SuspendedAccounts.Length + 1, plan.Count);
        Assert.Contains(plan, r => r.AccountId == Organization.ManagementAccount && r.Status == SyncStatus.Planned);

        Emulator.Log.Clear();
        var synced = await SyncAsync("Root");
        Assert.All(synced, r => Assert.Equal(SyncStatus.Onboarded, r.Status));
        Assert.Contains(Emulator.Aws.Roles(Organization.ManagementAccount), r => r.Name == MonitoringRoleSpec.DefaultRoleName);
        Assert.Equal(synced.Count - 1, Emulator.Log.Entries.Count(e => e.Operation == "AssumeRole"));
    }

    [Fact]
    public void A_comparison_leaves_out_the_departed_accounts_an_earlier_OU_of_the_command_dealt_with()
    {
        var comparison = new OrganizationComparison(Array.Empty<MemberConnection>(), Array.Empty<MemberConnection>(),
            new[] { new DepartedAccount("111111111111", "aws-a"), new DepartedAccount("222222222222", null) });

        var rest = comparison.WithoutDeparted(new HashSet<string> { "111111111111" });

        Assert.Equal(new[] { "222222222222" }, rest.Departed.Select(d => d.AccountId));
    }

    [Theory]
    [InlineData("aws-{AccountName}", "a: b", "111111111111", "aws-a- b")]
    [InlineData("{AccountName}", "x", "111111111111", "x-111111111111")]
    [InlineData("dt {AccountId}", "ignored", "111111111111", "dt 111111111111")]
    public void The_name_template_makes_valid_connection_names(string template, string accountName, string accountId, string expected)
    {
        var name = new ConnectionNameTemplate(template).NameFor(new OrganizationAccount(accountId, accountName, "", "ACTIVE", ""));

        Assert.Equal(expected, name);
        Assert.Equal(name, InputRules.ConnectionName(name));
    }

    [Fact]
    public void An_unknown_placeholder_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => new ConnectionNameTemplate("aws-{Email}"));
        Assert.Equal("InvalidNameTemplate", error.ErrorId);
    }
}
