using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Capacity;

/// <summary>
/// The environment's thread pool and queue (<see cref="DynatraceCapacity"/>): a Dynatrace request
/// gets a thread, or waits for one in the queue, or is refused. It holds its thread until its answer
/// is written, injected latency included. Without settings every request gets a thread at once.
/// </summary>
public sealed class RequestCapacity
{
    private readonly object _gate = new();
    private readonly DynatraceCapacity? _settings;
    private readonly LinkedList<Waiting> _queue = new();
    private int _busy;
    private int _refused;

    public RequestCapacity(DynatraceCapacity? settings) => _settings = settings;

    /// <summary>The time queue timeouts go by; tests may replace it to step over the 10 seconds.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public int Busy
    {
        get { lock (_gate) return _busy; }
    }

    public int Queued
    {
        get { lock (_gate) return _queue.Count; }
    }

    /// <summary>Requests answered 429 so far.</summary>
    public int Refused
    {
        get { lock (_gate) return _refused; }
    }

    /// <summary>
    /// A thread for one request of <paramref name="service"/>, to dispose when its answer is written;
    /// null when the environment refuses it. Only the environment's own API ("dynatrace") is limited.
    /// </summary>
    public Task<IDisposable?> EnterAsync(string service, CancellationToken aborted)
    {
        if (_settings is null || service != "dynatrace") return Task.FromResult<IDisposable?>(Unlimited.Instance);
        var waiting = new Waiting();
        lock (_gate)
        {
            if (_busy < _settings.Threads)
            {
                _busy++;
                return Task.FromResult<IDisposable?>(new Worker(this));
            }
            if (_queue.Count >= _settings.Queue)
            {
                _refused++;
                return Task.FromResult<IDisposable?>(null);
            }
            var node = _queue.AddLast(waiting);
            waiting.Timeout = Clock.CreateTimer(_ => Leave(node, refused: true), null, _settings.QueueTimeout, System.Threading.Timeout.InfiniteTimeSpan);
            waiting.Aborted = aborted.Register(() => Leave(node, refused: false));
        }
        return waiting.Turn.Task;
    }

    /// <summary>The answer of a refused request: Dynatrace's error envelope, and no Retry-After (the page promises none).</summary>
    public static Task WriteRefusalAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "application/json";
        return response.WriteAsync("{\"error\":{\"code\":429,\"message\":\"Too many requests: the environment's request threads and their queue are full.\"}}");
    }

    /// <summary>A finished request hands its thread to the longest waiting one, or frees it.</summary>
    private void Release()
    {
        Waiting? next = null;
        lock (_gate)
        {
            if (_queue.First is { } first)
            {
                _queue.RemoveFirst();
                next = first.Value;
            }
            else
            {
                _busy--;
            }
        }
        if (next is null) return;
        next.Stop();
        next.Turn.TrySetResult(new Worker(this));
    }

    private void Leave(LinkedListNode<Waiting> node, bool refused)
    {
        lock (_gate)
        {
            if (node.List is null) return; // it got a thread first
            _queue.Remove(node);
            if (refused) _refused++;
        }
        node.Value.Stop();
        if (refused) node.Value.Turn.TrySetResult(null);
        else node.Value.Turn.TrySetCanceled();
    }

    private sealed class Waiting
    {
        public TaskCompletionSource<IDisposable?> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ITimer? Timeout { get; set; }
        public CancellationTokenRegistration Aborted { get; set; }

        public void Stop()
        {
            Timeout?.Dispose();
            Aborted.Dispose();
        }
    }

    private sealed class Worker(RequestCapacity capacity) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) capacity.Release();
        }
    }

    private sealed class Unlimited : IDisposable
    {
        public static readonly Unlimited Instance = new();

        public void Dispose() { }
    }
}
