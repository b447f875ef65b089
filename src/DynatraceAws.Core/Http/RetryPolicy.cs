using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Http
{
    /// <summary>
    /// The one retry policy of the module: transient failures (429, 502/503/504, throttling, dropped
    /// connections, timeouts) are retried with the server's delay when it gives one, otherwise with
    /// exponential backoff with jitter, bounded in attempts and in total waiting time. Each retry is
    /// told in the caller's verbose stream: why, how long it waits, and which attempt comes next.
    /// The same loop waits out eventual consistency (<see cref="UntilPropagated"/>): then it retries
    /// only the failures of category <see cref="FailureCategory.NotYetPropagated"/>. A run's policy
    /// (<see cref="WithBreakers"/>) also gives up on an endpoint that stopped answering.
    /// </summary>
    public sealed class RetryPolicy
    {
        public static RetryPolicy Default { get; } = new RetryPolicy();

        public int MaxAttempts { get; }
        public TimeSpan BaseDelay { get; }
        public TimeSpan MaxDelay { get; }
        public TimeSpan MaxTotalDelay { get; }

        /// <summary>Called before each wait; for counting retries.</summary>
        public event Action<RetryEvent>? Retrying;

        private readonly Random _jitter;
        private readonly Func<Exception, bool> _retries;
        private readonly string? _progress;
        private readonly EndpointBreakers? _breakers;
        private readonly RetryPolicy? _origin;

        public RetryPolicy(int maxAttempts = 6, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null,
            TimeSpan? maxTotalDelay = null, int? seed = null)
            : this(maxAttempts, baseDelay, maxDelay, maxTotalDelay, seed, IsTransient, null)
        {
        }

        private RetryPolicy(int maxAttempts, TimeSpan? baseDelay, TimeSpan? maxDelay, TimeSpan? maxTotalDelay, int? seed,
            Func<Exception, bool> retries, string? progress, EndpointBreakers? breakers = null, RetryPolicy? origin = null)
        {
            _retries = retries;
            _progress = progress;
            _breakers = breakers;
            _origin = origin;
            if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts));
            MaxAttempts = maxAttempts;
            BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(500);
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(20);
            MaxTotalDelay = maxTotalDelay ?? TimeSpan.FromSeconds(60);
            _jitter = seed.HasValue ? new Random(seed.Value) : new Random();
        }

        /// <summary>
        /// Waits out a change that another service sees only after a while (a new IAM role that
        /// Dynatrace cannot assume yet): retries failures of category NotYetPropagated, and only
        /// those, until <paramref name="timeout"/> has been waited; each wait is also told as progress.
        /// </summary>
        public static RetryPolicy UntilPropagated(TimeSpan timeout, TimeSpan firstDelay, TimeSpan maxDelay) =>
            new RetryPolicy(int.MaxValue, firstDelay, maxDelay, timeout, null,
                ex => Failure.Of(ex).Category == FailureCategory.NotYetPropagated, "Waiting for IAM propagation");

        /// <summary>This policy, for one run of many accounts: it also gives up on an endpoint that <paramref name="breakers"/> say stopped answering.</summary>
        public RetryPolicy WithBreakers(EndpointBreakers breakers) =>
            new RetryPolicy(MaxAttempts, BaseDelay, MaxDelay, MaxTotalDelay, null, _retries, _progress, breakers, this);

        /// <param name="endpoint">Whom the call goes to ("Dynatrace environment abc12345", "IAM at iam.amazonaws.com"), for the breakers of a run.</param>
        public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> action, ICoreLog log,
            CancellationToken cancellationToken, string? endpoint = null)
        {
            if (endpoint is null || _breakers is null) return await RetryAsync(operation, action, log, cancellationToken, null).ConfigureAwait(false);
            // Not disposed: it holds no timer, and a stop that cancels it can run on into its callbacks after
            // this call ended inline in one of them; disposed, it failed that stop with ObjectDisposedException.
            var givenUp = new CancellationTokenSource();
            using var linked = cancellationToken.Register(call => ((CancellationTokenSource)call!).Cancel(), givenUp);
            using var watched = _breakers.Watch(endpoint, givenUp);
            try
            {
                return await RetryAsync(operation, action, log, givenUp.Token, endpoint).ConfigureAwait(false);
            }
            catch (Exception) when (givenUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The run gave up on the endpoint while this call waited for it (for room, an answer or a retry): it ends now.
                _breakers.ThrowIfOpen(endpoint);
                throw;
            }
        }

        private async Task<T> RetryAsync<T>(string operation, Func<CancellationToken, Task<T>> action, ICoreLog log,
            CancellationToken cancellationToken, string? endpoint)
        {
            var waited = TimeSpan.Zero;
            for (var attempt = 1; ; attempt++)
            {
                if (endpoint != null) _breakers?.ThrowIfOpen(endpoint);
                var sent = Stopwatch.StartNew();
                try
                {
                    var result = await action(cancellationToken).ConfigureAwait(false);
                    if (endpoint != null) _breakers?.Observe(endpoint, null, sent.Elapsed);
                    if (_progress != null && attempt > 1) log.Progress(new ProgressReport(_progress, "Done", 100, completed: true));
                    return result;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Observed(endpoint, ex, sent.Elapsed) && _retries(ex))
                {
                    if (endpoint != null) _breakers?.ThrowIfOpen(endpoint);
                    var delay = DelayFor(ex, attempt);
                    if (attempt >= MaxAttempts || waited + delay > MaxTotalDelay)
                    {
                        if (_progress != null) log.Progress(new ProgressReport(_progress, "Done", 100, completed: true));
                        throw;
                    }
                    var bound = MaxAttempts == int.MaxValue ? $"waited {waited.TotalSeconds:0} s of {MaxTotalDelay.TotalSeconds:0} s" : $"of {MaxAttempts}";
                    var why = FirstLine(ex.Message);
                    // Most errors already start with the operation ("List settings objects: ...").
                    if (!why.StartsWith(operation + ":", StringComparison.Ordinal)) why = $"{operation}: {why}";
                    log.Verbose($"{why} Trying again in {delay.TotalSeconds:0.0} s (attempt {attempt + 1} {bound}).");
                    if (_progress != null)
                        log.Progress(new ProgressReport(_progress, $"{operation}: trying again in {delay.TotalSeconds:0.#} s ({waited.TotalSeconds:0} s of {MaxTotalDelay.TotalSeconds:0} s)",
                            (int)Math.Min(99, 100 * waited.TotalSeconds / Math.Max(1, MaxTotalDelay.TotalSeconds))));
                    OnRetrying(new RetryEvent(operation, attempt, delay, ex));
                    waited += delay;
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <returns>Always true: it only tells the breakers, from the exception filter, before anything unwinds.</returns>
        private bool Observed(string? endpoint, Exception error, TimeSpan waited)
        {
            if (endpoint != null) _breakers?.Observe(endpoint, error, waited);
            return true;
        }

        private void OnRetrying(RetryEvent retry)
        {
            Retrying?.Invoke(retry);
            _origin?.OnRetrying(retry);
        }

        public static bool IsTransient(Exception ex) => ex switch
        {
            ITransientFailure failure => failure.IsTransient,
            HttpRequestException _ => true,
            TimeoutException _ => true,
            _ => false,
        };

        private static string FirstLine(string message)
        {
            var end = message.IndexOfAny(new[] { '\r', '\n' });
            var line = (end < 0 ? message : message.Substring(0, end)).TrimEnd();
            return line.EndsWith(".", StringComparison.Ordinal) ? line : line + ".";
        }

        internal TimeSpan DelayFor(Exception ex, int attempt)
        {
            if (ex is ITransientFailure { RetryAfter: { } asked } && asked >= TimeSpan.Zero)
                return asked > MaxDelay ? MaxDelay : asked;
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            double fraction;
            lock (_jitter) fraction = _jitter.NextDouble();
            return TimeSpan.FromMilliseconds(ceiling / 2 + fraction * ceiling / 2);
        }
    }

    public sealed class RetryEvent
    {
        public RetryEvent(string operation, int attempt, TimeSpan delay, Exception error)
        {
            Operation = operation;
            Attempt = attempt;
            Delay = delay;
            Error = error;
        }

        public string Operation { get; }
        public int Attempt { get; }
        public TimeSpan Delay { get; }
        public Exception Error { get; }
    }
}
