using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Capacity;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>
/// The environment's thread pool and queue, as Dynatrace's "Access limit" page describes them: the
/// test holds the threads itself and steps the queue's clock, so each answer comes exactly when the
/// model says, not when a timer happens to fire.
/// </summary>
public sealed class CapacityTests : IAsyncLifetime
{
    private const string Settings = DynatraceApi.Settings + "?schemaIds=builtin:hyperscaler-authentication.connections.aws";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<IDisposable> _held = new();
    private EmulatorHost _host = null!;
    private DynatraceApi _api = null!;

    private RequestCapacity Capacity => _host.Capacity;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { DynatraceCapacity = new DynatraceCapacity(Threads: 2, Queue: 1) });
        _host.Capacity.Clock = _clock;
        _api = new DynatraceApi(_host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        foreach (var held in _held) held.Dispose();
        _api.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>Takes every thread, as requests in progress would.</summary>
    private async Task HoldThreadsAsync(int count)
    {
        for (var i = 0; i < count; i++)
            _held.Add(await Capacity.EnterAsync("dynatrace", CancellationToken.None) ?? throw new InvalidOperationException("refused"));
    }

    /// <summary>Sends a request and returns once the emulator has it waiting in the queue.</summary>
    private async Task<Task<ApiResponse>> QueueRequestAsync()
    {
        var before = Capacity.Queued;
        var request = _api.GetAsync(Settings);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Capacity.Queued == before && !request.IsCompleted) await Task.Delay(5, patience.Token);
        Assert.False(request.IsCompleted, "the request was answered instead of queued");
        return request;
    }

    [Fact]
    public async Task Serves_its_threads_at_once_queues_the_next_and_refuses_the_one_after_with_a_bare_429()
    {
        await HoldThreadsAsync(1);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync(Settings)).Status); // the second thread

        await HoldThreadsAsync(1);
        var queued = await QueueRequestAsync();

        using var http = new HttpClient { BaseAddress = _host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, Settings);
        request.Headers.Authorization = new("Bearer", DynatraceAws.Emulator.Dynatrace.DynatraceState.LocalToken);
        using var refused = await http.SendAsync(request);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
        Assert.False(refused.Headers.Contains("X-RateLimit-Reset"));
        Assert.Contains("\"code\":429", await refused.Content.ReadAsStringAsync());
        Assert.False(queued.IsCompleted);

        _held[0].Dispose();
        Assert.Equal(HttpStatusCode.OK, (await queued).Status);
        Assert.Equal(1, Capacity.Refused);
        Assert.Contains(_host.Log.Entries, e => e.Status == 429 && e.Service == "dynatrace");
    }

    [Fact]
    public async Task Refuses_a_request_that_has_waited_ten_seconds_in_the_queue()
    {
        await HoldThreadsAsync(2);
        var queued = await QueueRequestAsync();

        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(queued.IsCompleted);
        Assert.Equal(1, Capacity.Queued);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal((HttpStatusCode)429, (await queued).Status);
        Assert.Equal(0, Capacity.Queued);
        Assert.Equal(2, Capacity.Busy);
    }

    [Fact]
    public async Task A_request_that_gets_a_thread_within_ten_seconds_is_served_and_its_timeout_forgotten()
    {
        await HoldThreadsAsync(2);
        var queued = await QueueRequestAsync();

        _clock.Advance(TimeSpan.FromSeconds(9));
        _held[0].Dispose();
        Assert.Equal(HttpStatusCode.OK, (await queued).Status);

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Capacity.Refused);
        Assert.Equal(1, Capacity.Busy); // the thread it had is free again; the test holds the other
    }

    [Fact]
    public async Task A_client_that_gives_up_in_the_queue_leaves_it()
    {
        await HoldThreadsAsync(2);
        using var http = new HttpClient { BaseAddress = _host.BaseUrl };
        using var giveUp = new CancellationTokenSource();
        var abandoned = http.GetAsync(Settings, giveUp.Token);
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (Capacity.Queued == 0) await Task.Delay(5, patience.Token);

        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (Capacity.Queued > 0) await Task.Delay(5, patience.Token);

        _held[0].Dispose();
        Assert.Equal(1, Capacity.Busy);
        Assert.Equal(0, Capacity.Refused);
    }

    [Fact]
    public async Task Limits_the_environment_s_api_only()
    {
        await HoldThreadsAsync(2);
        await QueueRequestAsync();
        foreach (var other in new[] { "iam", "sts", "account", "sso" })
        {
            var entered = Capacity.EnterAsync(other, CancellationToken.None);
            Assert.True(entered.IsCompletedSuccessfully);
            Assert.NotNull(await entered);
        }
    }

    [Fact]
    public async Task Without_settings_every_request_gets_a_thread()
    {
        var unlimited = new RequestCapacity(null);
        var threads = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => unlimited.EnterAsync("dynatrace", CancellationToken.None)));
        Assert.All(threads, Assert.NotNull);
        Assert.Equal(0, unlimited.Queued);
    }
}
