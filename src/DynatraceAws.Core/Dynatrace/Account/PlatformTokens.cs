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
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Platform tokens of the account (/iam/v1/accounts/{accountUuid}/platform-tokens).</summary>
    public sealed class PlatformTokens
    {
        /// <summary>Numbered pages, at the server's page size: the docs name the number page, dtctl sends pageNumber (docs/api-facts.md).</summary>
        private static readonly Paging TokensPaging = Paging.ByNumber("results", "tokenId", "page", "pageNumber");

        private readonly DynatraceAccount _account;
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;
        private IReadOnlyList<PlatformToken>? _listed;

        public PlatformTokens(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _api = new DynatraceApi(account, log, retry);
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>Every token of the account, page after page.</summary>
        public async Task<IReadOnlyList<PlatformToken>> ListAsync(CancellationToken ct)
        {
            var items = await _api.ListAsync("List platform tokens", AccountPaths.Of(_account, "platform-tokens"), "", TokensPaging, ct).ConfigureAwait(false);
            return items.Select(PlatformToken.From).ToArray();
        }

        /// <summary>
        /// The token with that id, or null. The list is read once per instance (one command run, however
        /// many ids it looks up); tokens deleted or created through the instance keep it current.
        /// </summary>
        public async Task<PlatformToken?> FindAsync(string tokenId, CancellationToken ct)
        {
            _listed ??= await ListAsync(ct).ConfigureAwait(false);
            return _listed.FirstOrDefault(t => t.TokenId == tokenId);
        }

        /// <summary>
        /// Mints a token for a user or service user, valid in the given environments or, when none,
        /// in the whole account. The secret goes straight into a SecureString and the redactor.
        /// </summary>
        public async Task<NewPlatformToken> CreateAsync(string name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> environmentIds,
            DateTimeOffset expirationDate, string userUuid, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidTokenName");
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
            _listed = null;
            return new NewPlatformToken(tokenId, name, SecureStrings.FromPlainText(secret!), scopes.ToArray(), expirationDate, userUuid);
        }

        /// <summary>Deletes the token; false when it was already gone.</summary>
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
            finally
            {
                _listed = _listed?.Where(t => t.TokenId != tokenId).ToArray();
            }
        }
    }
}
