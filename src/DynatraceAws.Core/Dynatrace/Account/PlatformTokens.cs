using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Platform tokens of the account (/iam/v1/accounts/{accountUuid}/platform-tokens).</summary>
    public sealed class PlatformTokens
    {
        private readonly DynatraceAccount _account;
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;

        public PlatformTokens(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _api = new DynatraceApi(account, log, retry);
            _log = RedactingLog.Wrap(log);
        }

        public async Task<IReadOnlyList<PlatformToken>> ListAsync(CancellationToken ct)
        {
            var body = await _api.GetAsync("List platform tokens", AccountPaths.Of(_account, "platform-tokens"), ct).ConfigureAwait(false);
            return ((body?["results"] as JsonArray) ?? new JsonArray()).OfType<JsonObject>().Select(PlatformToken.From).ToArray();
        }

        /// <summary>
        /// Mints a token for a user or service user, valid in the given environments or, when none,
        /// in the whole account. The secret goes straight into a SecureString and the redactor.
        /// </summary>
        public async Task<NewPlatformToken> CreateAsync(string name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> environmentIds,
            DateTimeOffset expirationDate, string userUuid, CancellationToken ct)
        {
            var resources = environmentIds.Count == 0
                ? new[] { AccountScopes.Resource(_account.AccountUuid) }
                : environmentIds.Select(OAuthScopes.EnvironmentResource).ToArray();
            var body = new JsonObject
            {
                ["name"] = name,
                ["scope"] = new JsonArray(scopes.Select(s => (JsonNode)s).ToArray()),
                ["resource"] = new JsonArray(resources.Select(r => (JsonNode)r).ToArray()),
                ["tags"] = new JsonArray(),
                ["expirationDate"] = expirationDate.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["userUuid"] = userUuid,
            };
            var created = await _api.SendAsync($"Create platform token '{name}'", HttpMethod.Post, AccountPaths.Of(_account, "platform-tokens"), body, ct)
                .ConfigureAwait(false);
            var secret = (string?)created?["token"];
            if (string.IsNullOrEmpty(secret))
                throw new DynatraceAwsException("UnexpectedAnswer", FailureCategory.ProtocolError, $"Creating platform token '{name}' returned no token.", null);
            Redactor.Register(secret);
            var tokenId = (string?)created!["tokenId"] ?? "";
            _log.Verbose($"Created platform token '{name}' ({tokenId}) for user {userUuid}.");
            return new NewPlatformToken(tokenId, name, SecureStrings.FromPlainText(secret!), scopes.ToArray(), expirationDate, userUuid);
        }

        public async Task<bool> DeleteAsync(string tokenId, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Delete platform token", HttpMethod.Delete, $"{AccountPaths.Of(_account, "platform-tokens")}/{Uri.EscapeDataString(tokenId)}",
                    null, ct).ConfigureAwait(false);
                return true;
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return false;
            }
        }
    }
}
