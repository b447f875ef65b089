using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using Xunit;

namespace DynatraceAws.Core.Tests.Http;

public class EndpointBreakersTests
{
    private const string Endpoint = "Dynatrace environment abc12345";

    private TimeSpan _now;

    private EndpointBreakers Breakers() => new(threshold: 3, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), () => _now);

    private static Exception NoAnswer() => new HttpRequestException("Connection refused");

    private static Exception Unavailable() =>
        new DynatraceApiException("Create settings object", 503, "Service Unavailable", Array.Empty<ConstraintViolation>(), Array.Empty<string>(), null);

    [Fact]
    public void Opens_after_enough_failures_in_a_row_over_the_outage_and_then_refuses_at_once()
    {
        var breakers = Breakers();
        breakers.Observe(Endpoint, NoAnswer());
        _now = TimeSpan.FromSeconds(5);
        breakers.Observe(Endpoint, Unavailable());
        breakers.Observe(Endpoint, NoAnswer());
        breakers.ThrowIfOpen(Endpoint);

        _now = TimeSpan.FromSeconds(10);
        breakers.Observe(Endpoint, Unavailable());

        var refused = Assert.Throws<DynatraceAwsException>(() => breakers.ThrowIfOpen(Endpoint));
        Assert.Equal(("EndpointUnavailable", FailureCategory.ResourceUnavailable), (refused.ErrorId, refused.Category));
        Assert.Contains(Endpoint, refused.Message);
        Assert.Contains("4 failures in a row", refused.Message);
        Assert.Contains("again when it is back", refused.RecommendedAction);
        Assert.Equal(Endpoint, Assert.Single(breakers.Open).Endpoint);
    }

    [Fact]
    public void A_burst_of_failures_shorter_than_the_outage_opens_nothing()
    {
        var breakers = Breakers();
        for (var i = 0; i < 50; i++) breakers.Observe(Endpoint, NoAnswer());

        breakers.ThrowIfOpen(Endpoint);
        Assert.Empty(breakers.Open);
    }

    [Fact]
    public void Any_answer_ends_the_streak_even_an_error()
    {
        var breakers = Breakers();
        breakers.Observe(Endpoint, NoAnswer());
        breakers.Observe(Endpoint, NoAnswer());
        breakers.Observe(Endpoint, new DynatraceApiException("Get", 404, "Not found", Array.Empty<ConstraintViolation>(), Array.Empty<string>(), null));
        _now = TimeSpan.FromSeconds(30);
        breakers.Observe(Endpoint, NoAnswer());
        breakers.Observe(Endpoint, NoAnswer());

        breakers.ThrowIfOpen(Endpoint);
    }

    [Fact]
    public void A_refusal_for_load_is_an_answer_from_a_busy_endpoint_not_a_dead_one()
    {
        var breakers = Breakers();
        var busy = new DynatraceApiException("Create settings object", (int)HttpStatusCode.TooManyRequests, "Too many requests",
            Array.Empty<ConstraintViolation>(), Array.Empty<string>(), null);
        for (var i = 0; i < 10; i++)
        {
            _now += TimeSpan.FromSeconds(5);
            breakers.Observe(Endpoint, busy);
        }

        Assert.False(EndpointBreakers.IsNoAnswer(busy));
        breakers.ThrowIfOpen(Endpoint);
    }

    [Fact]
    public void Each_endpoint_has_its_own_breaker()
    {
        var breakers = Breakers();
        for (var i = 0; i < 3; i++)
        {
            breakers.Observe(Endpoint, NoAnswer());
            _now += TimeSpan.FromSeconds(5);
        }

        Assert.Throws<DynatraceAwsException>(() => breakers.ThrowIfOpen(Endpoint));
        breakers.ThrowIfOpen("IAM at iam.amazonaws.com");
    }

    [Fact]
    public void An_endpoint_that_hangs_is_judged_by_when_its_calls_were_sent_not_when_their_timeouts_arrive()
    {
        var breakers = Breakers();
        using var call = new CancellationTokenSource();
        using var watched = breakers.Watch(Endpoint, call);
        var givenUp = call.Token;
        _now = TimeSpan.FromSeconds(30);
        breakers.Observe(Endpoint, new TimeoutException("no answer within 30 s"), waited: TimeSpan.FromSeconds(30));
        breakers.Observe(Endpoint, new TimeoutException("no answer within 30 s"), waited: TimeSpan.FromSeconds(29.9));
        Assert.False(givenUp.IsCancellationRequested);

        breakers.Observe(Endpoint, new TimeoutException("no answer within 30 s"), waited: TimeSpan.FromSeconds(29.8));

        var refused = Assert.Throws<DynatraceAwsException>(() => breakers.ThrowIfOpen(Endpoint));
        Assert.Contains("3 failures in a row", refused.Message);
        Assert.True(givenUp.IsCancellationRequested);
    }

    [Fact]
    public void Two_failures_with_no_answer_between_over_the_silence_open_it_however_few_calls_were_made()
    {
        var breakers = Breakers();
        _now = TimeSpan.FromSeconds(30);
        breakers.Observe(Endpoint, new TimeoutException("no answer within 30 s"), waited: TimeSpan.FromSeconds(30));
        breakers.ThrowIfOpen(Endpoint);

        _now = TimeSpan.FromSeconds(61);
        breakers.Observe(Endpoint, new TimeoutException("no answer within 30 s"), waited: TimeSpan.FromSeconds(30));

        Assert.Throws<DynatraceAwsException>(() => breakers.ThrowIfOpen(Endpoint));
        using var late = new CancellationTokenSource();
        using (breakers.Watch(Endpoint, late)) Assert.True(late.IsCancellationRequested);
    }
}
