using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>
    /// A connection to the account management API of one Dynatrace account: the account UUID, the
    /// API address, the OAuth client, and the one HttpClient for every call. Shows no secret.
    /// </summary>
    public sealed class DynatraceAccount : IDisposable, IApiTarget
    {
        public static readonly Uri DefaultApiUrl = new Uri("https://api.dynatrace.com/");

        public DynatraceAccount(string accountUuid, IAuthorization authorization, Uri? apiUrl = null, HttpMessageHandler? handler = null)
        {
            AccountUuid = ParseUuid(accountUuid);
            ApiUrl = new Uri((apiUrl ?? DefaultApiUrl).GetLeftPart(UriPartial.Authority) + "/");
            Authorization = authorization;
            Http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null)
            {
                BaseAddress = ApiUrl,
                Timeout = DynatraceEnvironment.DefaultRequestTimeout,
            };
            Http.DefaultRequestHeaders.UserAgent.ParseAdd("DynatraceAws/" + typeof(DynatraceAccount).Assembly.GetName().Version);
            ConnectedAt = DateTimeOffset.UtcNow;
            Requests = new AdaptiveConcurrency($"Dynatrace account {AccountUuid}", DynatraceEnvironment.InitialConcurrentRequests,
                DynatraceEnvironment.MaxConcurrentRequests);
        }

        public string AccountUuid { get; }
        public Uri ApiUrl { get; }
        public string AuthenticationType => Authorization.Kind;
        public DateTimeOffset ConnectedAt { get; }

        internal IAuthorization Authorization { get; }
        internal HttpClient Http { get; }
        internal AdaptiveConcurrency Requests { get; }

        IAuthorization IApiTarget.Authorization => Authorization;
        HttpClient IApiTarget.Http => Http;
        AdaptiveConcurrency IApiTarget.Requests => Requests;

        /// <summary>
        /// An OAuth client for the account, with <see cref="AccountScopes.Defaults"/> (of which the client may lack
        /// the <see cref="AccountScopes.Alternatives"/>) unless told which scopes exactly.
        /// </summary>
        public static DynatraceAccount WithOAuthClient(string accountUuid, string clientId, SecureString clientSecret,
            Uri? apiUrl = null, Uri? tokenEndpoint = null, string[]? scopes = null, HttpMessageHandler? handler = null)
        {
            var uuid = ParseUuid(accountUuid);
            var authorization = new OAuthClientAuthorization(clientId, clientSecret, scopes ?? AccountScopes.Defaults,
                AccountScopes.Resource(uuid), tokenEndpoint, handler, optionalScopes: scopes is null ? AccountScopes.Alternatives : null);
            return new DynatraceAccount(uuid, authorization, apiUrl, handler);
        }

        /// <summary>
        /// The account a CI step gets without Connect-DtAccount: DT_ACCOUNT_UUID with DT_CLIENT_ID and
        /// DT_CLIENT_SECRET (DT_TOKEN_ENDPOINT and DT_ACCOUNT_API_URL for other hosts). Null when
        /// DT_ACCOUNT_UUID is not set.
        /// </summary>
        public static DynatraceAccount? FromEnvironmentVariables(Func<string, string?> variable)
        {
            var uuid = variable("DT_ACCOUNT_UUID");
            if (string.IsNullOrWhiteSpace(uuid)) return null;
            var clientId = variable("DT_CLIENT_ID");
            if (string.IsNullOrEmpty(clientId))
                throw new InvalidInputException("MissingClientId", "DT_CLIENT_ID", null, "is not set",
                    "Set DT_CLIENT_ID and DT_CLIENT_SECRET to an OAuth client of the account, or run Connect-DtAccount.");
            var secret = variable("DT_CLIENT_SECRET");
            if (string.IsNullOrEmpty(secret))
                throw new InvalidInputException("MissingClientSecret", "DT_CLIENT_SECRET", null, "is not set",
                    "Set DT_CLIENT_SECRET to the secret of the OAuth client DT_CLIENT_ID.");
            return WithOAuthClient(uuid!, clientId!, SecureStrings.FromPlainText(secret!),
                InputRules.OptionalEndpoint(variable("DT_ACCOUNT_API_URL"), "DT_ACCOUNT_API_URL"),
                InputRules.OptionalEndpoint(variable("DT_TOKEN_ENDPOINT"), "DT_TOKEN_ENDPOINT"));
        }

        /// <summary>Requests an access token: proves the client, its secret and its scopes without needing any API permission.</summary>
        public Task CheckAsync(CancellationToken ct) => Authorization.HeaderValueAsync(ct);

        public override string ToString() => $"account {AccountUuid} at {ApiUrl}";

        public void Dispose()
        {
            Http.Dispose();
            (Authorization as IDisposable)?.Dispose();
        }

        private static string ParseUuid(string? text)
        {
            var trimmed = (text ?? "").Trim();
            if (trimmed.StartsWith(AccountScopes.ResourcePrefix, StringComparison.OrdinalIgnoreCase))
                trimmed = trimmed.Substring(AccountScopes.ResourcePrefix.Length);
            if (!Guid.TryParse(trimmed, out var uuid))
                throw new InvalidInputException("InvalidAccountUuid", "AccountUuid", text, "is not an account UUID",
                    "Pass the UUID shown in Account Management, for example 12a34567-8901-4bc3-845e-6f7a8b901234.");
            return uuid.ToString("D");
        }
    }
}
