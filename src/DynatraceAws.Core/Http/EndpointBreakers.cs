using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Http
{
    /// <summary>
    /// A run's view of which endpoints have stopped answering. One failure that is no answer at all
    /// (no connection, no answer in time, a 5xx) after another, across the run's accounts, opens the
    /// endpoint's breaker once <see cref="Threshold"/> of them span <see cref="Outage"/>, or two of them
    /// span <see cref="Silence"/>; a streak counts from when its first failed call was sent, so an
    /// endpoint that hangs is judged by how long it has been silent, not by when its timeouts arrive.
    /// From then on the run sends it nothing: the calls waiting for it, and those waiting for their
    /// answer, end at once with EndpointUnavailable, so a dead endpoint costs the run seconds instead
    /// of every account's full retry budget. Any answer, even an error, closes the streak; a refusal
    /// for load (429, Throttling) says the endpoint is alive and busy, and counts for neither. A breaker
    /// stays open for the rest of the run: a rerun is the way back.
    /// </summary>
    public sealed class EndpointBreakers
    {
        private readonly ConcurrentDictionary<string, Breaker> _breakers = new ConcurrentDictionary<string, Breaker>(StringComparer.Ordinal);
        private readonly Func<TimeSpan> _clock;

        public EndpointBreakers(int threshold = 8, TimeSpan? outage = null, TimeSpan? silence = null)
            : this(threshold, outage ?? TimeSpan.FromSeconds(10), silence ?? TimeSpan.FromSeconds(30), Elapsed(Stopwatch.StartNew()))
        {
        }

        internal EndpointBreakers(int threshold, TimeSpan outage, TimeSpan silence, Func<TimeSpan> clock)
        {
            if (threshold < 1) throw new ArgumentOutOfRangeException(nameof(threshold));
            Threshold = threshold;
            Outage = outage;
            Silence = silence;
            _clock = clock;
        }

        /// <summary>How many failures without an answer in a row open a breaker (with <see cref="Outage"/>).</summary>
        public int Threshold { get; }

        /// <summary>How long those failures must have gone on: a blip that many accounts meet at once opens nothing.</summary>
        public TimeSpan Outage { get; }

        /// <summary>
        /// How long two failures in a row, with no answer between, open a breaker however few calls were
        /// made: an endpoint that hangs while one account at a time calls it is given up on after the
        /// first call's timeout and its retry's, not after eight.
        /// </summary>
        public TimeSpan Silence { get; }

        /// <summary>The endpoints this run gave up on, with when and why.</summary>
        public IReadOnlyList<EndpointOutage> Open =>
            _breakers.Select(b => b.Value.Outage(b.Key)).Where(o => o != null).Select(o => o!).OrderBy(o => o.Endpoint, StringComparer.Ordinal).ToArray();

        /// <summary>Whether the failure is the endpoint not answering, rather than an answer (an error, or a refusal for load).</summary>
        public static bool IsNoAnswer(Exception error) =>
            RetryPolicy.IsTransient(error) && Failure.Of(error).Category != FailureCategory.LimitsExceeded;

        /// <summary>Hears how one call to <paramref name="endpoint"/> ended: an answer closes the streak, no answer adds to it.</summary>
        /// <param name="waited">How long the call waited for its answer.</param>
        internal void Observe(string endpoint, Exception? error, TimeSpan waited = default)
        {
            var breaker = BreakerOf(endpoint);
            if (error is null || !IsNoAnswer(error)) breaker.Answered();
            else breaker.Failed(error, _clock() - waited, _clock(), this);
        }

        /// <summary>
        /// Cancels <paramref name="call"/> when the run gives up on <paramref name="endpoint"/> (at once if it
        /// has), until the returned handle is disposed: what waits for the endpoint stops waiting.
        /// </summary>
        internal IDisposable Watch(string endpoint, CancellationTokenSource call) => BreakerOf(endpoint).Watch(call);

        private Breaker BreakerOf(string endpoint) => _breakers.GetOrAdd(endpoint, _ => new Breaker());

        /// <summary>Fails at once when the run gave up on <paramref name="endpoint"/>.</summary>
        public void ThrowIfOpen(string endpoint)
        {
            if (_breakers.TryGetValue(endpoint, out var breaker) && breaker.Outage(endpoint) is { } outage)
                throw new DynatraceAwsException("EndpointUnavailable", FailureCategory.ResourceUnavailable,
                    $"{outage.Endpoint} has not answered since {outage.Since:HH:mm:ss} UTC ({outage.Failures} failures in a row; the last: {outage.LastError}); this run sends it nothing more.",
                    "Run the command again when it is back: it resumes where this run stopped.");
        }

        private static Func<TimeSpan> Elapsed(Stopwatch watch) => () => watch.Elapsed;

        private sealed class Breaker
        {
            private readonly object _gate = new object();
            // The calls waiting for the endpoint, each cancelled on its own: one token shared by thousands of
            // calls made every registration contend for its lock, which cost more CPU than the calls themselves.
            private readonly ConcurrentDictionary<CancellationTokenSource, bool> _waiting = new ConcurrentDictionary<CancellationTokenSource, bool>();
            private int _failures;
            private TimeSpan _since;
            private DateTimeOffset _sinceUtc;
            private string _last = "";
            private bool _open;

            public IDisposable Watch(CancellationTokenSource call)
            {
                _waiting[call] = true;
                if (Volatile.Read(ref _open)) call.Cancel();
                return new Unwatch(this, call);
            }

            public void Answered()
            {
                lock (_gate)
                    if (!_open) _failures = 0;
            }

            /// <param name="sent">When the failed call was sent, on the breakers' clock.</param>
            public void Failed(Exception error, TimeSpan sent, TimeSpan now, EndpointBreakers rules)
            {
                lock (_gate)
                {
                    if (_open) return;
                    if (_failures++ == 0 || sent < _since)
                    {
                        _since = sent;
                        _sinceUtc = DateTimeOffset.UtcNow - (now - sent);
                    }
                    _last = $"{Failure.Of(error).ErrorId}: {FirstLine(Redactor.Redact(error.Message))}";
                    var span = now - _since;
                    _open = (_failures >= rules.Threshold && span >= rules.Outage) || (_failures >= 2 && span >= rules.Silence);
                    if (!_open) return;
                }
                // Outside the lock: the calls it wakes may report their own end here.
                foreach (var call in _waiting.Keys) call.Cancel();
            }

            private sealed class Unwatch : IDisposable
            {
                private readonly Breaker _breaker;
                private readonly CancellationTokenSource _call;

                public Unwatch(Breaker breaker, CancellationTokenSource call)
                {
                    _breaker = breaker;
                    _call = call;
                }

                public void Dispose() => _breaker._waiting.TryRemove(_call, out _);
            }

            public EndpointOutage? Outage(string endpoint)
            {
                lock (_gate) return _open ? new EndpointOutage(endpoint, _sinceUtc, _failures, _last) : null;
            }

            private static string FirstLine(string message)
            {
                var end = message.IndexOfAny(new[] { '\r', '\n' });
                return end < 0 ? message : message.Substring(0, end);
            }
        }
    }

    /// <summary>An endpoint a run gave up on.</summary>
    public sealed class EndpointOutage
    {
        public EndpointOutage(string endpoint, DateTimeOffset since, int failures, string lastError)
        {
            Endpoint = endpoint;
            Since = since;
            Failures = failures;
            LastError = lastError;
        }

        /// <summary>"Dynatrace environment abc12345", "STS at sts.us-east-1.amazonaws.com".</summary>
        public string Endpoint { get; }

        /// <summary>When the failures in a row began.</summary>
        public DateTimeOffset Since { get; }

        public int Failures { get; }
        public string LastError { get; }

        public override string ToString() => $"{Endpoint} (no answer since {Since:HH:mm:ss} UTC; the last: {LastError})";
    }
}
