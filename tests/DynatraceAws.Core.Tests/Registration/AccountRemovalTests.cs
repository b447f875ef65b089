using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Registration;

public class AccountRemovalTests : EmulatorTest
{
    private const string Member = "200000000001";
    private static readonly CancellationToken None = CancellationToken.None;

    private AwsCredentialOptions _aws = null!;

    /// <summary>One member account onboarded as Register-DtAwsAccount leaves it, reached from the management account.</summary>
    private async Task OnboardAsync()
    {
        _aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, new[] { Member }), Organization.AccessRole);
        var options = new RegistrationOptions
        {
            Aws = _aws,
            RoleArn = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50) },
        };
        var results = new ConcurrentQueue<AccountResult>();
        await new AccountRegistration(Environment, options, Log, Retry).RunAsync(new[] { new AccountRequest { AccountId = Member } }, Approve.All, results.Enqueue, None);
        Assert.Equal(AccountStatus.Onboarded, Assert.Single(results).Status);
        Emulator.Log.Clear();
    }

    private Task<RemovalResult> RemoveAsync(Func<Plan<RemovalResult>, Task<Approval>> approve, AwsCredentialOptions? aws = null) =>
        new AccountRemoval(Environment, Log, Retry).RemoveAsync(new RemovalRequest { AccountId = Member, Aws = aws ?? _aws }, approve, None);

    [Fact]
    public async Task The_plan_writes_nothing_under_WhatIf_and_names_the_deletes_in_the_order_they_are_then_made()
    {
        await OnboardAsync();

        var planned = await RemoveAsync(Approve.WhatIf);

        Assert.Empty(Emulator.Log.Writes);
        Assert.Equal(RemovalStatus.Planned, planned.Status);
        Assert.False(planned.Changed);
        Assert.Equal(new[]
        {
            "Dynatrace: delete monitoring configuration",
            "AWS: delete attachment of DynatraceMonitoringPolicy to role DynatraceMonitoringRole",
            "AWS: delete attachment of DynatraceMonitoringPolicy-2 to role DynatraceMonitoringRole",
            "AWS: delete role DynatraceMonitoringRole",
            "AWS: delete policy DynatraceMonitoringPolicy",
            "AWS: delete policy DynatraceMonitoringPolicy-2",
        }, planned.Changes.Select(c => c.ToString().Split(new[] { " '", " (" }, StringSplitOptions.None)[0]));
        Assert.Contains($"and with it AWS connection 'aws-{Member}'", planned.Changes[0].Target);

        var removed = await RemoveAsync(Approve.All);

        Assert.Equal(RemovalStatus.Removed, removed.Status);
        Assert.True(removed.Changed);
        Assert.Equal(planned.Changes.Select(c => c.ToString()), removed.Changes.Select(c => c.ToString()));
        Assert.Empty(Emulator.Dynatrace.MonitoringConfigurations);
        Assert.Empty(Emulator.Dynatrace.Connections);
        Assert.DoesNotContain(Emulator.Aws.Roles(Member), r => r.Name == MonitoringRoleSpec.DefaultRoleName);
        Assert.Empty(Emulator.Aws.Policies(Member));
        var writes = Emulator.Log.Writes.Select(w => w.Service == "dynatrace" ? "DELETE configuration" : w.Operation).ToList();
        // Dynatrace stops using the role first; each delete waits for what it depends on, and the role and
        // the detached policies go in parallel, in no fixed order.
        Assert.Equal(new[] { "DELETE configuration", "DetachRolePolicy", "DetachRolePolicy" }, writes.Take(3));
        Assert.Equal(new[] { "DeletePolicy", "DeletePolicy", "DeleteRole" }, writes.Skip(3).OrderBy(w => w, StringComparer.Ordinal));

        Emulator.Log.Clear();
        var again = await RemoveAsync(Approve.All);
        Assert.Equal(RemovalStatus.NothingToRemove, again.Status);
        Assert.False(again.Changed);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task A_removal_whose_AWS_side_cannot_be_reached_writes_nothing_in_Dynatrace_either()
    {
        await OnboardAsync();
        var wrongKeys = AwsAccounts.Options(Emulator, Emulator.Aws.AddAccount(Organization.ManagementAccount), Organization.AccessRole);
        wrongKeys.SecretKey = SecureText("not-the-secret");
        var outsider = AwsAccounts.Options(Emulator, Emulator.Aws.AddAccount("400000000004"), Organization.AccessRole);
        Emulator.Log.Clear();

        foreach (var aws in new[] { wrongKeys, outsider })
        {
            var failed = await RemoveAsync(Approve.All, aws);

            Assert.Equal(RemovalStatus.Failed, failed.Status);
            Assert.Equal(OnboardingStep.Reachability, failed.Step);
            Assert.StartsWith("Sts", failed.ErrorId);
            Assert.Empty(failed.Changes);
        }
        Assert.Empty(Emulator.Log.Writes);
        Assert.Single(Emulator.Dynatrace.MonitoringConfigurations);
        Assert.Single(Emulator.Dynatrace.Connections);
    }

    [Fact]
    public async Task What_cannot_be_removed_is_known_before_any_write_reported_as_a_leftover_and_no_call_fails()
    {
        await OnboardAsync();
        var iam = (await AwsAccountAccess.OpenAsync(Member, _aws, Log, Retry, None)).Iam(Retry, Log);
        var (_, second) = MonitoringPolicies.Names(null);
        var other = await iam.CreatePolicyAsync(new CreatePolicyRequest("ReadOnlyAccess", MonitoringPolicies.Second), None);
        await iam.AttachRolePolicyAsync(MonitoringRoleSpec.DefaultRoleName, other.Arn, None);
        await iam.CreateRoleAsync(new CreateRoleRequest("Auditor", TrustPolicy.Document(TrustPolicy.ProductionAccount, "x")), None);
        await iam.AttachRolePolicyAsync("Auditor", $"arn:aws:iam::{Member}:policy/{second}", None);
        Emulator.Log.Clear();

        var planned = await RemoveAsync(Approve.WhatIf);
        var removed = await RemoveAsync(Approve.All);

        Assert.Equal(planned.Leftovers, removed.Leftovers);
        Assert.Equal(new[]
        {
            "AWS: role DynatraceMonitoringRole kept: it has other policies attached (ReadOnlyAccess)",
            $"AWS: policy {second} kept: it is attached to 1 other role(s), user(s) or group(s)",
        }, removed.Leftovers);
        Assert.Equal(RemovalStatus.Partial, removed.Status);
        Assert.DoesNotContain(removed.Changes, c => c.Target == "role DynatraceMonitoringRole" || c.Target.StartsWith($"policy {second}", StringComparison.Ordinal));
        Assert.All(Emulator.Log.Entries, e => Assert.True(e.Status < 400, $"{e} failed"));
        var role = Assert.Single(Emulator.Aws.Roles(Member), r => r.Name == MonitoringRoleSpec.DefaultRoleName);
        Assert.Equal(new[] { other.Arn }, role.AttachedPolicyArns);
        Assert.Equal(new[] { second, "ReadOnlyAccess" }, Emulator.Aws.Policies(Member).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));

        Emulator.Log.Clear();
        var rerun = await RemoveAsync(Approve.All);
        Assert.Equal(RemovalStatus.Partial, rerun.Status);
        Assert.Empty(rerun.Changes);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task Declined_at_the_prompt_is_Skipped_with_the_plan_and_writes_nothing()
    {
        await OnboardAsync();

        var skipped = await RemoveAsync(Approve.When<RemovalResult>(_ => false));

        Assert.Equal(RemovalStatus.Skipped, skipped.Status);
        Assert.Equal(6, skipped.Changes.Count);
        Assert.Contains("Declined", skipped.Error);
        Assert.Empty(Emulator.Log.Writes);
    }
}
