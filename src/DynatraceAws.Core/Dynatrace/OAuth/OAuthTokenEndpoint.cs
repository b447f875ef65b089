using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>Asks the SSO token endpoint for an access token with the client credentials grant.</summary>
    internal sealed class OAuthTokenEndpoint : IDisposable
    {
        private const string Operation = "Request an OAuth access token";

        private readonly Uri _address;
        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly IReadOnlyCollection<string> _optionalScopes;
        private readonly string? _resource;
        private readonly HttpClient _http;
        private readonly RetryPolicy _retry;
        private readonly Func<DateTimeOffset> _now;

        private IReadOnlyList<string> _scopes;

        /// <param name="optionalScopes">Requested scopes the token can do without (another requested scope covers their need):
        /// when the SSO refuses a token because the client lacks some of them, they are dropped and the token asked for again.</param>
        public OAuthTokenEndpoint(Uri address, string clientId, SecureString clientSecret, IReadOnlyList<string> scopes,
            IReadOnlyCollection<string> optionalScopes, string? resource, HttpMessageHandler? handler, RetryPolicy retry, Func<DateTimeOffset> now)
        {
            _address = address;
            _clientId = clientId;
            _clientSecret = clientSecret;
            _scopes = scopes;
            _optionalScopes = optionalScopes;
            _resource = resource;
            _retry = retry;
            _now = now;
            _http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null)
            {
                Timeout = DynatraceEnvironment.DefaultRequestTimeout,
            };
        }

        // One request serves every concurrent caller, so no one caller's verbose stream is told of its retries.
        public Task<AccessToken> RequestAsync(CancellationToken ct) => _retry.ExecuteAsync(Operation, RequestOnceAsync, NullLog.Instance, ct);

        private async Task<AccessToken> RequestOnceAsync(CancellationToken ct)
        {
            var issuedAt = _now();
            HttpResponseMessage response;
            try
            {
                response = await _http.PostAsync(_address, Form(), ct).ConfigureAwait(false);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{Operation}: {_address.Host} did not answer within {_http.Timeout.TotalSeconds:0} s.");
            }

            OAuthTokenException refused;
            using (response)
            {
                var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return Parse(text, issuedAt);
                refused = OAuthErrors.FromResponse(response, text, _scopes);
            }
            if (refused.MissingScopes.Count == 0 || !refused.MissingScopes.All(_optionalScopes.Contains)) throw refused;
            // Each time with at least one scope fewer, so this ends.
            _scopes = _scopes.Except(refused.MissingScopes).ToArray();
            return await RequestOnceAsync(ct).ConfigureAwait(false);
        }

        private FormUrlEncodedContent Form()
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_id", _clientId),
                new KeyValuePair<string, string>("client_secret", SecureStrings.Reveal(_clientSecret)),
                new KeyValuePair<string, string>("scope", string.Join(" ", _scopes)),
            };
            if (_resource != null) fields.Add(new KeyValuePair<string, string>("resource", _resource));
            return new FormUrlEncodedContent(fields);
        }

        private static AccessToken Parse(string text, DateTimeOffset issuedAt)
        {
            JsonNode? root;
            try { root = JsonNode.Parse(text); }
            catch (JsonException) { root = null; }
            var value = (string?)root?["access_token"];
            if (string.IsNullOrEmpty(value))
                throw new DynatraceAwsException("OAuthTokenRequestFailed", FailureCategory.ProtocolError,
                    $"{Operation}: the answer holds no access_token.", "Check that the token endpoint is the Dynatrace SSO token endpoint.");
            Redactor.Register(value);
            var seconds = root?["expires_in"] is JsonValue expires && expires.TryGetValue<int>(out var s) ? s : 300;
            return new AccessToken(value!, issuedAt, TimeSpan.FromSeconds(seconds));
        }

        public void Dispose() => _http.Dispose();
    }
}
