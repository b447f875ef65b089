using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// An OAuth client (client credentials grant): one access token for this client and scope set,
    /// requested on first use, refreshed before it expires, and shared by every concurrent caller
    /// through a single request in flight.
    /// </summary>
    public sealed class OAuthClientAuthorization : IAuthorization, IDisposable
    {
        public static readonly Uri DefaultTokenEndpoint = new Uri("https://sso.dynatrace.com/sso/oauth2/token");

        private readonly OAuthTokenEndpoint _endpoint;
        private readonly Func<DateTimeOffset> _now;
        private readonly object _gate = new object();
        private AccessToken? _current;
        private Task<AccessToken>? _refreshing;

        /// <param name="optionalScopes">Those of <paramref name="scopes"/> the token may lack: dropped when the client does not hold them.</param>
        public OAuthClientAuthorization(string clientId, SecureString clientSecret, IEnumerable<string> scopes,
            string? resource = null, Uri? tokenEndpoint = null, HttpMessageHandler? handler = null, RetryPolicy? retry = null,
            IEnumerable<string>? optionalScopes = null)
            : this(clientId, clientSecret, scopes, resource, tokenEndpoint, handler, retry, () => DateTimeOffset.UtcNow, optionalScopes)
        {
        }

        internal OAuthClientAuthorization(string clientId, SecureString clientSecret, IEnumerable<string> scopes,
            string? resource, Uri? tokenEndpoint, HttpMessageHandler? handler, RetryPolicy? retry, Func<DateTimeOffset> now,
            IEnumerable<string>? optionalScopes = null)
        {
            if (string.IsNullOrWhiteSpace(clientId))
                throw new InvalidInputException("MissingClientId", "ClientId", clientId, "is empty",
                    "Pass the OAuth client ID with -ClientId, or set DT_CLIENT_ID.");
            if (clientSecret is null || clientSecret.Length == 0)
                throw new InvalidInputException("MissingClientSecret", "ClientSecret", null, "is empty",
                    "Pass the OAuth client secret with -ClientSecret, or set DT_CLIENT_SECRET.");
            var secret = clientSecret.Copy();
            secret.MakeReadOnly();
            Redactor.Register(SecureStrings.Reveal(secret));

            ClientId = clientId.Trim();
            Scopes = scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
            _now = now;
            _endpoint = new OAuthTokenEndpoint(tokenEndpoint ?? DefaultTokenEndpoint, ClientId, secret, Scopes,
                new HashSet<string>(optionalScopes ?? Enumerable.Empty<string>(), StringComparer.Ordinal), resource,
                handler, retry ?? RetryPolicy.Default, now);
        }

        public string Kind => "OAuthClient";
        public string ClientId { get; }
        public IReadOnlyList<string> Scopes { get; }

        public async Task<string> HeaderValueAsync(CancellationToken cancellationToken) =>
            (await TokenAsync().WithCancellation(cancellationToken).ConfigureAwait(false)).HeaderValue;

        /// <summary>The token behind <paramref name="rejectedHeaderValue"/> is dropped, unless another caller already replaced it.</summary>
        public bool Invalidate(string rejectedHeaderValue)
        {
            lock (_gate)
            {
                if (_current != null && _current.HeaderValue == rejectedHeaderValue) _current = null;
            }
            return true;
        }

        private Task<AccessToken> TokenAsync()
        {
            lock (_gate)
            {
                if (_current != null && _now() < _current.RefreshAt) return Task.FromResult(_current);
                // Task.Run: the request must not start under the lock, nor be cancelled with the one caller who started it.
                return _refreshing ??= Task.Run(RefreshAsync);
            }
        }

        private async Task<AccessToken> RefreshAsync()
        {
            try
            {
                var token = await _endpoint.RequestAsync(CancellationToken.None).ConfigureAwait(false);
                lock (_gate) _current = token;
                return token;
            }
            finally
            {
                lock (_gate) _refreshing = null;
            }
        }

        public void Dispose() => _endpoint.Dispose();
    }
}
