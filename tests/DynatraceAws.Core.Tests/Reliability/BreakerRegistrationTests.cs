using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// An endpoint that dies while 200 accounts are onboarded: the run gives up on it within the
/// breaker's outage plus the retries in flight, every account gets its result, the summary says
/// which endpoint and why, and a rerun once it is back finishes the job.
/// </summary>
public class BreakerRegistrationTests : FaultedRegistrationTest
{
    /// <summary>The default policy's shape, at a tenth of its delays: without the breaker an account alone waits 6 s for a dead endpoint.</summary>
    private static RetryPolicy TenthOfDefault() => new(6, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), seed: 11);

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    private async Task<(ConcurrentQueue<AccountResult> Results, TimeSpan Elapsed)> RunAsync(RegistrationOptions options, string[] members,
        Action<int>? afterResult = null, TimeSpan? requestTimeout = null)
    {
        using var environment = new DynatraceEnvironment(EnvironmentUrl.Parse(Emulator.BaseUrl.ToString(), "abc12345"),
            new PlatformTokenAuthorization(Secure(DynatraceState.LocalToken)), requestTimeout: requestTimeout ?? DynatraceTimeout);
        var results = new ConcurrentQueue<AccountResult>();
        var clock = Stopwatch.StartNew();
        await new AccountRegistration(environment, options, Log, TenthOfDefault()).RunAsync(Rows(members), Approve.All, result =>
        {
            results.Enqueue(result);
            afterResult?.Invoke(results.Count);
        }, CancellationToken.None);
        return (results, clock.Elapsed);
    }

    /// <summary>200 accounts' run in which <paramref name="death"/> strikes once 20 accounts are done; how long the run went on after it.</summary>
    private async Task<(ConcurrentQueue<AccountResult> Results, TimeSpan AfterDeath)> RunDyingAsync(RegistrationOptions options, string[] members,
        FaultRule death, TimeSpan? requestTimeout = null)
    {
        var clock = Stopwatch.StartNew();
        var diedAt = TimeSpan.Zero;
        var died = 0;
        var (results, _) = await RunAsync(options, members, done =>
        {
            // Results arrive from several threads, so the count one sees may skip 20: the first at or past it acts.
            if (done < 20 || Interlocked.Exchange(ref died, 1) == 1) return;
            diedAt = clock.Elapsed;
            Emulator.Faults.Add(death);
        }, requestTimeout);
        return (results, clock.Elapsed - diedAt);
    }

    private async Task RerunOnceItIsBackFinishesThemAsync(RegistrationOptions options, string[] members)
    {
        Emulator.Faults.Clear();
        options.Breakers = new EndpointBreakers();
        var (rerun, _) = await RunAsync(options, members);

        Assert.All(rerun, r => Assert.NotEqual(AccountStatus.Failed, r.Status));
        Assert.Equal(new OnboardingAudit(200, Duplicates: 0, Orphans: 0), OnboardingAudit.Of(Emulator, members));
    }

    [Fact]
    public async Task Dynatrace_dying_mid_run_fails_the_waiting_accounts_at_once_and_a_rerun_finishes_them()
    {
        var members = Members(200);
        var options = await OptionsAsync(members);
        options.Breakers = new EndpointBreakers(threshold: 8, Outage);

        var (results, afterDeath) = await RunDyingAsync(options, members, new FaultRule { Kind = FaultKind.ServiceUnavailable, Service = "dynatrace" });

        Assert.Equal(200, results.Count);
        var failed = results.Where(r => r.Status == AccountStatus.Failed).ToArray();
        Assert.InRange(failed.Length, 100, 180);
        Assert.All(failed, r => Assert.Contains(r.ErrorId, new[] { "EndpointUnavailable", "DynatraceUnavailable" }));
        Assert.Contains(failed, r => r.ErrorId == "EndpointUnavailable");
        // The outage, then at most one backoff of the retries in flight, and the run is over.
        Assert.InRange(afterDeath, TimeSpan.Zero, Outage + TimeSpan.FromSeconds(6));
        Assert.True(Log.Has("WARNING", "Dynatrace environment abc12345 (no answer since"));
        Assert.True(Log.Has("WARNING", "failed with EndpointUnavailable. Run the command again when it is back"));

        await RerunOnceItIsBackFinishesThemAsync(options, members);
    }

    [Fact]
    public async Task Dynatrace_hanging_mid_run_is_given_up_on_one_request_timeout_after_and_what_waits_for_it_ends_at_once()
    {
        var members = Members(200);
        var options = await OptionsAsync(members);
        var timeout = TimeSpan.FromSeconds(1.5);
        options.Breakers = new EndpointBreakers(threshold: 8, Outage, silence: timeout);

        var (results, afterDeath) = await RunDyingAsync(options, members,
            new FaultRule { Kind = FaultKind.SlowResponse, Service = "dynatrace", Delay = TimeSpan.FromMinutes(10) }, timeout);

        Assert.Equal(200, results.Count);
        var failed = results.Where(r => r.Status == AccountStatus.Failed).ToArray();
        Assert.InRange(failed.Length, 100, 180);
        Assert.Contains(failed, r => r.ErrorId == "EndpointUnavailable");
        // The calls in flight time out once; a lone one may need its retry too. Then the calls that wait for
        // room or for an answer end at once, and no account starts.
        Assert.InRange(afterDeath, TimeSpan.Zero, 2 * timeout + TimeSpan.FromSeconds(2.5));
        Assert.True(Log.Has("WARNING", "Dynatrace environment abc12345 (no answer since"));

        await RerunOnceItIsBackFinishesThemAsync(options, members);
    }

    [Fact]
    public async Task STS_failing_from_the_start_fails_all_200_accounts_at_Reachability_within_the_outage_and_writes_nothing()
    {
        var members = Members(200);
        var options = await OptionsAsync(members);
        options.Breakers = new EndpointBreakers(threshold: 8, Outage);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Service = "sts" });

        var (results, elapsed) = await RunAsync(options, members);

        Assert.Equal(200, results.Count);
        Assert.All(results, r => Assert.Equal((AccountStatus.Failed, OnboardingStep.Reachability), (r.Status, r.Step)));
        Assert.Contains(results, r => r.ErrorId == "EndpointUnavailable");
        Assert.InRange(elapsed, TimeSpan.Zero, Outage + TimeSpan.FromSeconds(6));
        // Without the breaker each account would call STS six times.
        Assert.InRange(Emulator.Log.Entries.Count(e => e.Service == "sts"), 8, 200);
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Service != "sts");
        Assert.True(Log.Has("WARNING", "STS at "));
    }
}
