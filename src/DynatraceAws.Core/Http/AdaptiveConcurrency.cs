using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Http
{
    /// <summary>
    /// How many requests one endpoint (a Dynatrace environment, IAM of one AWS account, STS for one
    /// caller) has in flight at once, found out as the run goes: additive increase, multiplicative
    /// decrease. The limit starts low and grows by one for each limit's worth of answers while it is
    /// in use; it is halved when the endpoint says it is overloaded (429, Throttling, a timeout), and
    /// lowered by one when answers take longer than usual, which is a queue forming on the server
    /// before it refuses anything. It never exceeds its ceiling. Retrying a refused request is the
    /// <see cref="RetryPolicy"/>'s job, not this one's: this only makes refusals rare.
    /// </summary>
    /// <remarks>
    /// A slow answer is judged against the usual latency of the same operation, so a naturally slow
    /// call does not read as congestion. Latency is a noisy signal (a busy client machine slows every
    /// answer too), so it only ever takes one request off; a refusal is certain, so it halves. One
    /// burst of bad answers cuts once: only a request sent after the last cut can cut again (TCP's
    /// rule), which also keeps the limiter free of any clock.
    /// </remarks>
    public sealed class AdaptiveConcurrency
    {
        /// <summary>
        /// Latency this many times its usual value means requests are queueing: a waiting line of about one
        /// request per thread, still far from a 10-second queue timeout, and above the noise a busy client adds.
        /// </summary>
        internal const double Tolerance = 2.0;

        private const double OverloadCut = 0.5;

        /// <summary>Weight of one answer in the smoothed latency ratio.</summary>
        private const double Smoothing = 0.1;

        /// <summary>
        /// A usual latency falls to any faster answer at once and rises towards slower ones by this share
        /// of the gap: slowly, so that a queue kept up for a while is not taken for the usual.
        /// </summary>
        private const double BaselineRise = 0.005;

        private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

        private readonly object _gate = new object();
        private readonly Queue<Waiter> _waiting = new Queue<Waiter>();
        private readonly Dictionary<string, double> _usualMs = new Dictionary<string, double>(StringComparer.Ordinal);
        private readonly Func<TimeSpan> _clock;
        private readonly int _floor;
        private readonly bool _reportsGrowth;
        private double _limit;
        private int _inFlight;
        private int _epoch;
        private double _latencyRatio = 1;
        private TimeSpan? _reportedAt;
        private int _reportedLimit;
        private int _answered, _overloadCuts, _latencyCuts;

        /// <param name="endpoint">Names the endpoint in the debug stream: "Dynatrace environment abc12345".</param>
        /// <param name="floor">The limit is never cut below this; a fixed limit has floor, initial and ceiling equal.</param>
        /// <param name="reportsGrowth">
        /// False for an endpoint there is one of per account: the debug stream then hears of its cuts only,
        /// not of thousands of limits growing.
        /// </param>
        public AdaptiveConcurrency(string endpoint, int initial, int ceiling, int floor = 1, bool reportsGrowth = true)
            : this(endpoint, initial, ceiling, floor, reportsGrowth, Elapsed(Stopwatch.StartNew()))
        {
        }

        /// <param name="clock">Only paces the debug reports.</param>
        internal AdaptiveConcurrency(string endpoint, int initial, int ceiling, int floor, bool reportsGrowth, Func<TimeSpan> clock)
        {
            if (floor < 1 || initial < floor || ceiling < initial)
                throw new ArgumentOutOfRangeException(nameof(initial), $"Needs 1 <= floor ({floor}) <= initial ({initial}) <= ceiling ({ceiling}).");
            Endpoint = endpoint;
            Ceiling = ceiling;
            _floor = floor;
            _reportsGrowth = reportsGrowth;
            _limit = initial;
            _reportedLimit = initial;
            _clock = clock;
        }

        public string Endpoint { get; }
        public int Ceiling { get; }

        /// <summary>Requests allowed in flight now.</summary>
        public int Limit
        {
            get { lock (_gate) return Whole(_limit); }
        }

        public int InFlight
        {
            get { lock (_gate) return _inFlight; }
        }

        /// <summary>The endpoint said it is overloaded: a 429, IAM's or STS's Throttling, or no answer in time.</summary>
        public static bool IsOverload(Exception error) =>
            error is TimeoutException
            || (Failure.Of(error).Category == FailureCategory.LimitsExceeded && RetryPolicy.IsTransient(error));

        /// <summary>
        /// Sends one request when there is room under the limit (first come, first served) and tells
        /// the limit how long the answer took or that the endpoint was overloaded.
        /// </summary>
        /// <param name="operation">The kind of request, whose usual latency the answer is judged against.</param>
        /// <param name="log">Hears this limiter's state now and then, in the debug stream.</param>
        public async Task<T> RunAsync<T>(string operation, ICoreLog log, Func<CancellationToken, Task<T>> send, CancellationToken ct)
        {
            using var slot = await EnterAsync(log, ct).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            try
            {
                var answer = await send(ct).ConfigureAwait(false);
                slot.Answered(operation, clock.Elapsed);
                return answer;
            }
            catch (Exception ex)
            {
                slot.Failed(operation, clock.Elapsed, ex);
                throw;
            }
        }

        /// <summary>Waits for room under the limit, first come first served; the slot must be disposed when the answer is in.</summary>
        internal Task<ConcurrencySlot> EnterAsync(ICoreLog log, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var waiter = new Waiter(log);
            lock (_gate)
            {
                while (_waiting.Count > 0 && _waiting.Peek().Turn.Task.IsCompleted) _waiting.Dequeue();
                if (_waiting.Count == 0 && _inFlight < Whole(_limit)) return Task.FromResult(Admit(log));
                _waiting.Enqueue(waiter);
            }
            if (ct.CanBeCanceled)
            {
                var registration = ct.Register(() => waiter.Turn.TrySetCanceled());
                waiter.Turn.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
            }
            return waiter.Turn.Task;
        }

        private ConcurrencySlot Admit(ICoreLog log)
        {
            _inFlight++;
            return new ConcurrencySlot(this, _epoch, log);
        }

        /// <summary>Hands the room there is to the waiters, oldest first; a waiter that gave up is passed over.</summary>
        private void AdmitWaiting()
        {
            while (_inFlight < Whole(_limit) && _waiting.Count > 0)
            {
                var waiter = _waiting.Dequeue();
                if (waiter.Turn.TrySetResult(new ConcurrencySlot(this, _epoch, waiter.Log))) _inFlight++;
            }
        }

        internal void Answered(ConcurrencySlot slot, string operation, TimeSpan latency)
        {
            lock (_gate)
            {
                _answered++;
                var ms = Math.Max(latency.TotalMilliseconds, 1);
                var usual = _usualMs.TryGetValue(operation, out var known) ? (ms < known ? ms : known + (ms - known) * BaselineRise) : ms;
                _usualMs[operation] = usual;
                _latencyRatio += (ms / usual - _latencyRatio) * Smoothing;
                if (_latencyRatio > Tolerance)
                {
                    if (Cut(slot, _limit - 1)) _latencyCuts++;
                }
                else if (_inFlight * 2 >= _limit)
                {
                    // Grows only while in use, else an idle endpoint would earn a limit it never tried.
                    _limit = Math.Min(Ceiling, _limit + 1 / _limit);
                    AdmitWaiting();
                }
                Report(slot.Log);
            }
        }

        internal void Overloaded(ConcurrencySlot slot)
        {
            lock (_gate)
            {
                if (Cut(slot, _limit * OverloadCut)) _overloadCuts++;
                Report(slot.Log);
            }
        }

        internal void Release()
        {
            lock (_gate)
            {
                _inFlight--;
                AdmitWaiting();
            }
        }

        private bool Cut(ConcurrencySlot slot, double to)
        {
            if (slot.Epoch != _epoch) return false;
            _epoch++;
            _limit = Math.Max(_floor, to);
            return true;
        }

        /// <summary>
        /// A line when the limit changed or was cut, at most one a second, with what happened since the
        /// last: a big run's requests never drown the debug stream.
        /// </summary>
        private void Report(ICoreLog log)
        {
            var cut = _overloadCuts + _latencyCuts > 0;
            if (!cut && (!_reportsGrowth || Whole(_limit) == _reportedLimit)) return;
            var now = _clock();
            if (_reportedAt is { } last && now - last < ReportInterval) return;
            _reportedAt = now;
            _reportedLimit = Whole(_limit);
            log.Debug($"{Endpoint}: {Whole(_limit)} requests at once (at most {Ceiling}), {_inFlight} in flight, {_waiting.Count} waiting; " +
                      $"since the last report {_answered} answered, {_overloadCuts} cut(s) for overload, {_latencyCuts} for latency " +
                      $"(latency {_latencyRatio:0.00}x usual).");
            _answered = _overloadCuts = _latencyCuts = 0;
        }

        private static Func<TimeSpan> Elapsed(Stopwatch stopwatch) => () => stopwatch.Elapsed;

        private static int Whole(double limit) => (int)Math.Floor(limit);

        private sealed class Waiter
        {
            public Waiter(ICoreLog log) => Log = log;

            public ICoreLog Log { get; }
            public TaskCompletionSource<ConcurrencySlot> Turn { get; } = new TaskCompletionSource<ConcurrencySlot>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Room for one request under an <see cref="AdaptiveConcurrency"/> limit; tell it how the request went, then dispose it.</summary>
    internal sealed class ConcurrencySlot : IDisposable
    {
        private readonly AdaptiveConcurrency _limiter;
        private int _released;

        internal ConcurrencySlot(AdaptiveConcurrency limiter, int epoch, ICoreLog log)
        {
            _limiter = limiter;
            Epoch = epoch;
            Log = log;
        }

        internal int Epoch { get; }
        internal ICoreLog Log { get; }

        /// <summary>The endpoint answered (success or an error of the request's own) after <paramref name="latency"/>.</summary>
        /// <param name="operation">The kind of request, whose usual latency the answer is judged against.</param>
        public void Answered(string operation, TimeSpan latency) => _limiter.Answered(this, operation, latency);

        /// <summary>
        /// What <paramref name="error"/> says of the endpoint: overloaded; or answered, with an error of the
        /// request's own (a 404 is a normal answer); or nothing (a server fault, a lost connection).
        /// </summary>
        public void Failed(string operation, TimeSpan latency, Exception error)
        {
            if (AdaptiveConcurrency.IsOverload(error)) _limiter.Overloaded(this);
            else if (error is DynatraceAwsException && !RetryPolicy.IsTransient(error)) _limiter.Answered(this, operation, latency);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) _limiter.Release();
        }
    }
}
