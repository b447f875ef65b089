using System;
using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Capacity;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// Far more accounts at once than the tenant and IAM take: an environment serving 2 requests with 2
/// queued, and IAM taking 2 changing calls per second per account (an account's onboarding makes 5).
/// The limits and the retry policy between them still onboard every account.
/// </summary>
public class CapacityRegistrationTests : FaultedRegistrationTest
{
    private readonly ITestOutputHelper _output;

    public CapacityRegistrationTests(ITestOutputHelper output) => _output = output;

    protected override EmulatorOptions Options => new()
    {
        PropagationDelay = TimeSpan.FromMilliseconds(200),
        DynatraceCapacity = new DynatraceCapacity(Threads: 2, Queue: 2),
        IamWritesPerSecond = 2,
    };

    [Fact]
    public async Task Onboards_every_account_when_thirty_run_at_once_against_a_small_tenant_and_a_throttling_IAM()
    {
        var members = Members(30);
        var options = await OptionsAsync(members);
        options.ThrottleLimit = 30;

        // The module's own retry policy: an account's five IAM writes at two a second need its patience.
        var results = await RunAsync(options, Rows(members), new RetryPolicy(seed: 5));

        foreach (var failed in results.Where(r => r.Status != AccountStatus.Onboarded))
            _output.WriteLine($"{failed.AccountId}: {failed.Status} at {failed.Step}: {failed.ErrorId} {failed.Error}");
        Assert.All(results, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.Equal(members.Length, results.Count);
        Assert.Equal(new OnboardingAudit(members.Length, Duplicates: 0, Orphans: 0), OnboardingAudit.Of(Emulator, members));
        Assert.Contains(Emulator.Log.Entries, e => e.Service == "iam" && e.Status == 400);
        Assert.Contains(Log.Messages, m => m.StartsWith("DEBUG: IAM of AWS account ") && !m.Contains(" 0 cut(s) for overload"));
    }
}
