using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// Sends one JSON request to the environment: authorization, the retry policy, timeouts, debug
    /// tracing and the error mapping. Every Dynatrace call goes through here.
    /// </summary>
    internal sealed class DynatraceApi
    {
        private readonly IApiTarget _environment;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;

        public DynatraceApi(IApiTarget environment, ICoreLog log, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _retry = retry ?? RetryPolicy.Default;
        }

        public Task<JsonNode?> GetAsync(string operation, string pathAndQuery, CancellationToken ct) =>
            SendAsync(operation, HttpMethod.Get, pathAndQuery, null, ct);

        public Task<JsonNode?> SendAsync(string operation, HttpMethod method, string pathAndQuery, JsonNode? body,
            CancellationToken ct) =>
            _retry.ExecuteAsync(operation, token => SendAuthorizedAsync(operation, method, pathAndQuery, body, token), _log, ct,
                _environment.Requests.Endpoint);

        /// <summary>Every item of a paged list, read page by page as <see cref="Pager"/> says.</summary>
        public Task<IReadOnlyList<JsonObject>> ListAsync(string operation, string path, string firstQuery, Paging paging, CancellationToken ct) =>
            new Pager(this, _log).ReadAllAsync(operation, path, firstQuery, paging, ct);

        /// <summary>
        /// Holds room under the target's concurrency limit from reading the token to the answer, so a
        /// token is not read long before it is used. An OAuth token can still expire between being
        /// read and being checked: then it is renewed and the request sent once more.
        /// </summary>
        private Task<JsonNode?> SendAuthorizedAsync(string operation, HttpMethod method, string pathAndQuery,
            JsonNode? body, CancellationToken ct) =>
            _environment.Requests.RunAsync(operation, _log, async token =>
            {
                var authorization = await _environment.Authorization.HeaderValueAsync(token).ConfigureAwait(false);
                try
                {
                    return await SendOnceAsync(operation, method, pathAndQuery, body, authorization, token).ConfigureAwait(false);
                }
                catch (DynatraceApiException ex) when (IsExpiredToken(ex) && _environment.Authorization.Invalidate(authorization))
                {
                    _log.Debug($"{method} {pathAndQuery}: the access token expired; sending again with a fresh one.");
                    authorization = await _environment.Authorization.HeaderValueAsync(token).ConfigureAwait(false);
                    return await SendOnceAsync(operation, method, pathAndQuery, body, authorization, token).ConfigureAwait(false);
                }
            }, ct);

        private static bool IsExpiredToken(DynatraceApiException ex) =>
            ex.StatusCode == 401 && ex.ServerMessage.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0;

        private async Task<JsonNode?> SendOnceAsync(string operation, HttpMethod method, string pathAndQuery,
            JsonNode? body, string authorization, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(method, pathAndQuery);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (body != null)
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await _environment.Http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                _log.Debug($"{method} {pathAndQuery} timed out after {clock.ElapsedMilliseconds} ms");
                throw new TimeoutException($"{operation}: Dynatrace did not answer within {_environment.Http.Timeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException ex)
            {
                _log.Debug($"{method} {pathAndQuery} failed after {clock.ElapsedMilliseconds} ms: {ex.Message}");
                throw new HttpRequestException($"{operation}: Dynatrace at {_environment.Http.BaseAddress?.Authority} could not be reached ({ex.Message.TrimEnd('.')}).", ex);
            }

            using (response)
            {
                var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                _log.Debug($"{method} {pathAndQuery} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
                if (!response.IsSuccessStatusCode)
                    throw DynatraceErrors.FromResponse(operation, response, text);
                return text.Length == 0 ? null : JsonNode.Parse(text);
            }
        }
    }
}
