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
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Platform tokens of the account (/iam/v1/accounts/{accountUuid}/platform-tokens).</summary>
    public sealed class PlatformTokens
    {
        /// <summary>Numbered pages, at the server's page size: the docs name the number page, dtctl sends pageNumber (docs/api-facts.md).</summary>
        private static readonly Paging TokensPaging = Paging.ByNumber("results", "tokenId", "page", "pageNumber");

        private readonly DynatraceAccount _account;
        private readonly DynatraceApi _api;
        private readonly ServiceUsers _users;
        private readonly ICoreLog _log;
        private IReadOnlyList<PlatformToken>? _listed;

        public PlatformTokens(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _api = new DynatraceApi(account, log, retry);
            _users = new ServiceUsers(account, log, retry);
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
        /// Checks the expiration date and finds the service user (by UUID, name or email), then plans minting
        /// the token: a create every time, as a token's secret is shown only once.
        /// </summary>
        /// <param name="environmentIds">The environments the token is valid in; the whole account when none.</param>
        public async Task<Plan<NewPlatformToken>> PlanCreateAsync(string name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> environmentIds,
            DateTimeOffset expirationDate, string serviceUser, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidTokenName");
            RequireFuture(expirationDate);
            var userUuid = await _users.UidOfAsync(serviceUser, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            var token = AddCreateTo(plan, name, scopes, environmentIds, expirationDate, () => userUuid, $"service user {serviceUser}");
            return plan.Build($"platform token '{name}' of {_account}", () => token()!);
        }

        /// <summary>Reads the token (the list, once per instance) and plans its deletion; one that is gone plans nothing.</summary>
        public async Task<Plan<PlatformToken?>> PlanDeleteAsync(string tokenId, CancellationToken ct)
        {
            var token = await FindAsync(tokenId, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            if (token != null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete, $"platform token '{token.Name}' ({tokenId})"),
                    ct2 => DeleteAsync(tokenId, ct2));
            return plan.Build<PlatformToken?>($"platform token {tokenId} of {_account}", () => token,
                $"Platform token {tokenId} does not exist; nothing to remove.");
        }

        /// <summary>Adds minting a token to a plan, for a user known once the changes it waits for are applied.</summary>
        /// <returns>The token once minted; null before.</returns>
        internal Func<NewPlatformToken?> AddCreateTo(PlanBuilder plan, string name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> environmentIds,
            DateTimeOffset expirationDate, Func<string> userUuid, string user, params PlanStep?[] after)
        {
            NewPlatformToken? minted = null;
            var where = environmentIds.Count == 0 ? "the whole account" : string.Join(", ", environmentIds);
            plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"platform token '{name}'",
                    after: $"for {user} in {where}, scopes {string.Join(", ", scopes)}, expires {expirationDate.ToUniversalTime():yyyy-MM-dd}"),
                async ct => minted = await CreateAsync(name, scopes, environmentIds, expirationDate, userUuid(), ct).ConfigureAwait(false), after);
            return () => minted;
        }

        /// <summary>Dynatrace refuses a token that is expired already: caught before any call.</summary>
        internal static void RequireFuture(DateTimeOffset expirationDate)
        {
            if (expirationDate <= DateTimeOffset.UtcNow)
                throw new InvalidInputException("InvalidExpirationDate", "ExpirationDate", expirationDate.ToString("u", CultureInfo.InvariantCulture),
                    "is not in the future", "Pass a later -ExpirationDate, such as (Get-Date).AddDays(90).");
        }

        /// <summary>The secret goes straight into a SecureString and the redactor.</summary>
        private async Task<NewPlatformToken> CreateAsync(string name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> environmentIds,
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
            _listed = null;
            return new NewPlatformToken(tokenId, name, SecureStrings.FromPlainText(secret!), scopes.ToArray(), expirationDate, userUuid);
        }

        /// <summary>Deletes the token; one already gone (a retried DELETE whose answer was lost) counts as deleted.</summary>
        private async Task DeleteAsync(string tokenId, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Delete platform token", HttpMethod.Delete, $"{AccountPaths.Of(_account, "platform-tokens")}/{Uri.EscapeDataString(tokenId)}",
                    null, ct).ConfigureAwait(false);
                _log.Verbose($"Deleted platform token {tokenId}.");
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                _log.Verbose($"Platform token {tokenId} does not exist; nothing to delete.");
            }
            finally
            {
                _listed = _listed?.Where(t => t.TokenId != tokenId).ToArray();
            }
        }
    }
}
