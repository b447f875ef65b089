using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Http;

public class RetryPolicyTests
{
    private sealed class Transient : Exception, ITransientFailure
    {
        public Transient(bool transient, TimeSpan? after = null) { IsTransient = transient; RetryAfter = after; }
        public bool IsTransient { get; }
        public TimeSpan? RetryAfter { get; }
    }

    private static RetryPolicy Fast(int attempts = 4) =>
        new(attempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5), seed: 7);

    [Fact]
    public async Task Retries_transient_failures_until_success_and_reports_each_retry()
    {
        var policy = Fast();
        var events = new List<RetryEvent>();
        policy.Retrying += events.Add;
        var log = new CollectingLog();
        var calls = 0;
        var result = await policy.ExecuteAsync("Create AWS connection",
            _ => ++calls < 3 ? throw new HttpRequestException("Connection reset by peer\nat socket 7") : Task.FromResult(42), log, CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(new[] { 1, 2 }, events.ConvertAll(e => e.Attempt));
        Assert.Equal(2, log.Messages.Count);
        var messages = log.Messages.ToArray();
        Assert.Matches(@"^VERBOSE: Create AWS connection: Connection reset by peer\. Trying again in \d+[.,]\d s \(attempt 2 of 4\)\.$", messages[0]);
        Assert.EndsWith("(attempt 3 of 4).", messages[1]);
    }

    [Fact]
    public async Task A_retry_message_names_the_operation_once_when_the_error_already_does()
    {
        var log = new CollectingLog();
        var calls = 0;
        await Fast().ExecuteAsync("List settings objects",
            _ => ++calls < 2 ? throw new TimeoutException("List settings objects: Dynatrace did not answer within 30 s.") : Task.FromResult(1), log, CancellationToken.None);

        Assert.StartsWith("VERBOSE: List settings objects: Dynatrace did not answer within 30 s. Trying again in", Assert.Single(log.Messages));
    }

    [Fact]
    public async Task Gives_up_after_the_attempt_bound()
    {
        var calls = 0;
        await Assert.ThrowsAsync<TimeoutException>(() =>
            Fast(3).ExecuteAsync<int>("op", _ => { calls++; throw new TimeoutException(); }, NullLog.Instance, CancellationToken.None));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Does_not_retry_permanent_failures()
    {
        var calls = 0;
        await Assert.ThrowsAsync<Transient>(() =>
            Fast().ExecuteAsync<int>("op", _ => { calls++; throw new Transient(false); }, NullLog.Instance, CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Honours_the_server_delay_capped_at_the_maximum()
    {
        var policy = Fast();
        Assert.Equal(TimeSpan.FromMilliseconds(5), policy.DelayFor(new Transient(true, TimeSpan.FromMilliseconds(5)), 1));
        Assert.Equal(TimeSpan.FromMilliseconds(20), policy.DelayFor(new Transient(true, TimeSpan.FromHours(1)), 1));
    }

    [Fact]
    public void Backs_off_exponentially_with_jitter_within_bounds()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), seed: 1);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var ceiling = 100 * Math.Pow(2, attempt - 1);
            var delay = policy.DelayFor(new HttpRequestException(), attempt).TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public async Task Stops_waiting_when_the_total_delay_bound_would_be_exceeded()
    {
        var policy = new RetryPolicy(100, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(60));
        var calls = 0;
        await Assert.ThrowsAsync<Transient>(() =>
            policy.ExecuteAsync<int>("op", _ => { calls++; throw new Transient(true, TimeSpan.FromMilliseconds(25)); }, NullLog.Instance, CancellationToken.None));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait()
    {
        using var cts = new CancellationTokenSource();
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
        var task = policy.ExecuteAsync<int>("op", _ => throw new HttpRequestException(), NullLog.Instance, cts.Token);
        cts.CancelAfter(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}
