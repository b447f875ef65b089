using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Http;

/// <summary>
/// The limiter, driven answer by answer with the latencies the test chooses: nothing here waits on
/// a clock, so every assertion is exact.
/// </summary>
public class AdaptiveConcurrencyTests
{
    private static readonly TimeSpan Usual = TimeSpan.FromMilliseconds(50);
    private static readonly Exception TooManyRequests = new DynatraceApiException("Create settings object", 429, "Too many requests", [], [], null);

    private static AdaptiveConcurrency Limiter(int initial, int ceiling, int floor = 1, Func<TimeSpan>? clock = null, bool reportsGrowth = true) =>
        new("test endpoint", initial, ceiling, floor, reportsGrowth, clock ?? (() => TimeSpan.Zero));

    private static ConcurrencySlot Enter(AdaptiveConcurrency limiter, ICoreLog? log = null)
    {
        var entered = limiter.EnterAsync(log ?? NullLog.Instance, CancellationToken.None);
        Assert.True(entered.IsCompletedSuccessfully, $"no room at limit {limiter.Limit} with {limiter.InFlight} in flight");
        return entered.Result;
    }

    /// <summary>Fills the limit, answers every request after <paramref name="latency"/>, then frees them: one round trip's worth of answers.</summary>
    private static void Round(AdaptiveConcurrency limiter, TimeSpan latency, string operation = "GET", ICoreLog? log = null) =>
        Round(limiter, slot => slot.Answered(operation, latency), log);

    private static void Round(AdaptiveConcurrency limiter, Action<ConcurrencySlot> outcome, ICoreLog? log = null)
    {
        var slots = Enumerable.Range(0, limiter.Limit).Select(_ => Enter(limiter, log)).ToList();
        foreach (var slot in slots) outcome(slot);
        foreach (var slot in slots) slot.Dispose();
    }

    [Fact]
    public async Task Starts_at_its_initial_limit_and_lets_the_next_request_in_when_one_ends()
    {
        var limiter = Limiter(initial: 4, ceiling: 16);
        var slots = Enumerable.Range(0, 4).Select(_ => Enter(limiter)).ToList();

        var fifth = limiter.EnterAsync(NullLog.Instance, CancellationToken.None);
        Assert.False(fifth.IsCompleted);
        Assert.Equal(4, limiter.InFlight);

        slots[0].Dispose();
        slots[0].Dispose(); // a second dispose frees nothing more
        using var admitted = await fifth;
        Assert.Equal(4, limiter.InFlight);
        Assert.False(limiter.EnterAsync(NullLog.Instance, CancellationToken.None).IsCompleted);
    }

    [Theory]
    [MemberData(nameof(Overloads))]
    public void Halves_the_limit_when_the_endpoint_is_overloaded(Exception overload)
    {
        var limiter = Limiter(initial: 8, ceiling: 16);
        var slot = Enter(limiter);
        slot.Failed("op", Usual, overload);
        Assert.Equal(4, limiter.Limit);
    }

    public static TheoryData<Exception> Overloads() => new()
    {
        TooManyRequests,
        new IamException("CreateRole", IamErrorCodes.Throttling, "Rate exceeded", "req-1", HttpStatusCode.BadRequest),
        new TimeoutException("no answer"),
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Takes_an_error_of_the_request_s_own_as_an_answer_and_a_server_fault_as_nothing(Exception error, bool isAnswer)
    {
        var limiter = Limiter(initial: 2, ceiling: 16);
        // Answers at a limit in use add one request per limit's worth: 2 + 1/2 + 1/2.5 = 2.9, then 3.24.
        Round(limiter, slot => slot.Failed("op", Usual, error));
        Round(limiter, slot => slot.Failed("op", Usual, error));
        Assert.Equal(isAnswer ? 3 : 2, limiter.Limit);
    }

    public static TheoryData<Exception, bool> Answers() => new()
    {
        { new DynatraceApiException("Get settings object", 404, "Not found", [], [], null), true },
        { new IamException("GetRole", IamErrorCodes.NoSuchEntity, "The role cannot be found.", "req-2", HttpStatusCode.NotFound), true },
        { new DynatraceApiException("Get settings object", 503, "Unavailable", [], [], null), false },
        { new System.Net.Http.HttpRequestException("Connection refused"), false },
    };

    [Fact]
    public void Cuts_once_for_a_burst_of_refusals_of_requests_sent_before_the_cut()
    {
        var limiter = Limiter(initial: 16, ceiling: 32);
        var burst = Enumerable.Range(0, 16).Select(_ => Enter(limiter)).ToList();
        foreach (var slot in burst) slot.Failed("op", Usual, TooManyRequests);
        Assert.Equal(8, limiter.Limit);

        foreach (var slot in burst) slot.Dispose();
        Enter(limiter).Failed("op", Usual, TooManyRequests);
        Assert.Equal(4, limiter.Limit);
    }

    [Fact]
    public void Takes_one_request_off_per_round_trip_while_answers_take_longer_than_usual_before_anything_is_refused()
    {
        var log = new CollectingLog();
        var now = TimeSpan.Zero;
        var limiter = Limiter(initial: 20, ceiling: 64, clock: () => now += TimeSpan.FromSeconds(1));
        Round(limiter, Usual);
        var before = limiter.Limit;

        // One at a time, each sent after the last cut: once the smoothed latency passes twice its usual
        // (at about the 7th answer taking three times as long), each answer takes one request off.
        var limits = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            using var slot = Enter(limiter, log);
            slot.Answered("GET", Usual * 3);
            limits.Add(limiter.Limit);
        }
        var firstCut = limits.FindIndex(limit => limit < before);
        Assert.InRange(firstCut, 5, 8);
        for (var i = firstCut; i < limits.Count; i++) Assert.Equal(before - (i - firstCut + 1), limits[i]);

        // A round trip's worth of slow answers, all sent before the next cut, takes off one more.
        var last = limiter.Limit;
        Round(limiter, Usual * 3);
        Assert.Equal(last - 1, limiter.Limit);
        Assert.Contains(log.Messages, m => m.Contains("for latency") && !m.Contains(" 0 for latency"));
    }

    [Fact]
    public void Judges_each_operation_against_its_own_usual_latency()
    {
        var limiter = Limiter(initial: 4, ceiling: 64);
        for (var i = 0; i < 20; i++)
        {
            Round(limiter, Usual, "GET list");
            Round(limiter, Usual * 10, "POST configuration");
        }
        Assert.True(limiter.Limit > 4, $"limit {limiter.Limit}: a slow kind of request was taken for congestion");
    }

    [Fact]
    public void Recovers_after_a_cut_while_answers_come_at_the_usual_latency()
    {
        var limiter = Limiter(initial: 8, ceiling: 64);
        Round(limiter, Usual);
        using (var refused = Enter(limiter)) refused.Failed("GET", Usual, TooManyRequests);
        Assert.Equal(4, limiter.Limit);

        var rounds = 0;
        while (limiter.Limit < 8 && rounds < 100)
        {
            Round(limiter, Usual);
            rounds++;
        }
        // Additive increase: one more request per round trip at the limit, so 4 rounds from 4 to 8 (one more for the cut's own answer).
        Assert.Equal(8, limiter.Limit);
        Assert.InRange(rounds, 4, 5);
    }

    [Fact]
    public void Never_exceeds_its_ceiling()
    {
        var limiter = Limiter(initial: 2, ceiling: 5);
        for (var i = 0; i < 200; i++) Round(limiter, Usual);
        Assert.Equal(5, limiter.Limit);

        var held = Enumerable.Range(0, 5).Select(_ => Enter(limiter)).ToList();
        Assert.False(limiter.EnterAsync(NullLog.Instance, CancellationToken.None).IsCompleted);
        Assert.Equal(5, limiter.InFlight);
        foreach (var slot in held) slot.Dispose();
    }

    [Fact]
    public void Does_not_grow_while_it_is_not_used()
    {
        var limiter = Limiter(initial: 4, ceiling: 64);
        for (var i = 0; i < 200; i++)
        {
            using var slot = Enter(limiter);
            slot.Answered("GET", Usual);
        }
        Assert.Equal(4, limiter.Limit);
    }

    [Fact]
    public void A_fixed_limit_stays_where_it_is()
    {
        var limiter = Limiter(initial: 10, ceiling: 10, floor: 10);
        using (var refused = Enter(limiter)) refused.Failed("GET", Usual, TooManyRequests);
        for (var i = 0; i < 50; i++) Round(limiter, Usual);
        Assert.Equal(10, limiter.Limit);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_takes_no_room()
    {
        var limiter = Limiter(initial: 1, ceiling: 4);
        var held = Enter(limiter);
        using var giveUp = new CancellationTokenSource();
        var waiting = limiter.EnterAsync(NullLog.Instance, giveUp.Token);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        held.Dispose();
        Assert.Equal(0, limiter.InFlight);
        using var next = Enter(limiter);
        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public void Reports_its_state_in_the_debug_stream_when_it_changes_at_most_once_a_second()
    {
        var now = TimeSpan.Zero;
        var log = new CollectingLog();
        var limiter = Limiter(initial: 4, ceiling: 64, clock: () => now);
        for (var i = 0; i < 100; i++)
        {
            using var slot = Enter(limiter, log);
            slot.Answered("GET", Usual); // one at a time: the limit is not used, so it does not change
        }
        Assert.Empty(log.Messages);

        // Answers at a limit in use: 4 -> 4.92 -> 5.12 (the first report, 5 requests) -> 6.6 within the same second.
        Round(limiter, Usual, log: log);
        Round(limiter, Usual, log: log);
        Round(limiter, Usual, log: log);
        Assert.Equal(6, limiter.Limit);
        Assert.Single(log.Messages);

        now += TimeSpan.FromSeconds(1);
        using (var slot = Enter(limiter, log)) slot.Failed("GET", Usual, TooManyRequests);
        Assert.Equal(2, log.Messages.Count);
        Assert.Equal("DEBUG: test endpoint: 3 requests at once (at most 64), 1 in flight, 0 waiting; since the last report 8 answered, 1 cut(s) for overload, 0 for latency (latency 1.00x usual).",
            log.Messages.Last());
    }

    [Fact]
    public void An_endpoint_there_is_one_of_per_account_reports_its_cuts_only()
    {
        var log = new CollectingLog();
        var limiter = Limiter(initial: 2, ceiling: 8, reportsGrowth: false);
        for (var i = 0; i < 20; i++) Round(limiter, Usual, log: log);
        Assert.True(limiter.Limit > 2);
        Assert.Empty(log.Messages);

        using (var slot = Enter(limiter, log)) slot.Failed("CreateRole", Usual, TooManyRequests);
        Assert.Single(log.Messages);
    }

    [Fact]
    public void The_endpoints_start_cautious_under_their_ceilings()
    {
        var endpoints = new[]
        {
            (Limit: IamClient.ConcurrencyFor("123456789012"), Initial: 3),
            (Limit: StsClient.ConcurrencyFor("profile 'x'"), Initial: 8),
        };
        foreach (var (limit, initial) in endpoints)
        {
            Assert.Equal(initial, limit.Limit);
            Assert.True(limit.Ceiling > initial);
        }
        using var environment = DynatraceEnvironment.WithPlatformToken("https://abc12345.apps.dynatrace.com", SecureStrings.FromPlainText("dt0s16.X"));
        Assert.Equal(DynatraceEnvironment.InitialConcurrentRequests, environment.Requests.Limit);
        Assert.Equal(DynatraceEnvironment.MaxConcurrentRequests, environment.Requests.Ceiling);
    }
}
