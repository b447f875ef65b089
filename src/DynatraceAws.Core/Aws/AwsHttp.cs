using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Aws
{
    /// <summary>The one HttpClient for AWS endpoints (shared, thread-safe, a bounded timeout per request), and how a signed request is sent with it.</summary>
    internal static class AwsHttp
    {
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

        public static HttpClient Shared { get; } = new HttpClient { Timeout = RequestTimeout };

        /// <summary>
        /// Sends one signed request and reads the whole answer, traced in the debug stream. A request
        /// that outlives the client's Timeout is a <see cref="TimeoutException"/>, which the retry policy retries.
        /// </summary>
        /// <param name="call">The service and action, for the trace and the timeout message: "IAM CreateRole".</param>
        /// <returns>The response, for the caller to dispose, and its body.</returns>
        public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient http, HttpRequestMessage request, string call,
            ICoreLog log, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{call} got no answer from {request.RequestUri?.Host} within {http.Timeout.TotalSeconds:0.#} s.", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new HttpRequestException($"{call}: {request.RequestUri?.Authority} could not be reached ({ex.Message.TrimEnd('.')}).", ex);
            }
            var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            log.Debug($"{call} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
            return (response, body);
        }
    }
}
