using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Security;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// A connection to one Dynatrace environment: its address, how to authenticate, and the one
    /// HttpClient used for every call to it. Shows no secret.
    /// </summary>
    public sealed class DynatraceEnvironment : IDisposable, IApiTarget
    {
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Requests in flight to one environment at first, however many accounts run in parallel:
        /// Dynatrace serves each environment from a thread pool with a queue and answers 429 when both
        /// are full, and publishes no size for either, so <see cref="Requests"/> finds it out.
        /// </summary>
        public const int InitialConcurrentRequests = 4;

        /// <summary>Requests in flight to one environment at most, however large the environment.</summary>
        public const int MaxConcurrentRequests = 64;

        private readonly ConcurrentDictionary<string, Lazy<Task<ExtensionVersion>>> _extensionVersions =
            new ConcurrentDictionary<string, Lazy<Task<ExtensionVersion>>>(StringComparer.OrdinalIgnoreCase);

        public DynatraceEnvironment(EnvironmentUrl url, IAuthorization authorization,
            HttpMessageHandler? handler = null, TimeSpan? requestTimeout = null)
        {
            var timeout = requestTimeout ?? DefaultRequestTimeout;
            if (timeout <= TimeSpan.Zero) // also Timeout.InfiniteTimeSpan: every request must end
                throw new ArgumentOutOfRangeException(nameof(requestTimeout), timeout, "A Dynatrace request needs a finite, positive timeout.");
            Url = url;
            Authorization = authorization;
            Http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null)
            {
                BaseAddress = url.BaseUri,
                Timeout = timeout,
            };
            Http.DefaultRequestHeaders.UserAgent.ParseAdd("DynatraceAws/" + typeof(DynatraceEnvironment).Assembly.GetName().Version);
            ConnectedAt = DateTimeOffset.UtcNow;
            Requests = new AdaptiveConcurrency($"Dynatrace environment {EnvironmentId}", InitialConcurrentRequests, MaxConcurrentRequests);
        }

        public string EnvironmentUrl => Url.ToString();
        public string EnvironmentId => Url.EnvironmentId;
        public string AuthenticationType => Authorization.Kind;

        /// <summary>Connected with an access token to the classic config v1 API (Managed, classic SaaS).</summary>
        public bool IsClassic => Url.IsClassic;
        public DateTimeOffset ConnectedAt { get; }

        internal EnvironmentUrl Url { get; }
        internal IAuthorization Authorization { get; }
        internal HttpClient Http { get; }

        /// <summary>The environment's concurrency limit, shared by every call to it; settable so the benchmark can compare a fixed one.</summary>
        internal AdaptiveConcurrency Requests { get; set; }

        IAuthorization IApiTarget.Authorization => Authorization;
        HttpClient IApiTarget.Http => Http;
        AdaptiveConcurrency IApiTarget.Requests => Requests;

        /// <summary>Active extension versions read in this session, so each is read once even by parallel callers.</summary>
        internal ConcurrentDictionary<string, Lazy<Task<ExtensionVersion>>> ExtensionVersions => _extensionVersions;

        /// <summary>Extension schemas read in this session, by "name/version"; null where the environment serves none.</summary>
        internal ConcurrentDictionary<string, Lazy<Task<JsonNode?>>> ExtensionSchemas { get; } = new ConcurrentDictionary<string, Lazy<Task<JsonNode?>>>();

        public static DynatraceEnvironment WithPlatformToken(string environmentUrl, SecureString token,
            string? environmentId = null, HttpMessageHandler? handler = null) =>
            new DynatraceEnvironment(Dynatrace.EnvironmentUrl.Parse(environmentUrl, environmentId), new PlatformTokenAuthorization(token), handler);

        /// <summary>A classic access token for the config v1 API of a Managed, SaaS or Environment ActiveGate address.</summary>
        public static DynatraceEnvironment WithApiToken(string environmentUrl, SecureString token,
            string? environmentId = null, HttpMessageHandler? handler = null) =>
            new DynatraceEnvironment(Dynatrace.EnvironmentUrl.ParseClassic(environmentUrl, environmentId), new ApiTokenAuthorization(token), handler);

        /// <summary>An OAuth client for the environment, with <see cref="OAuthScopes.EnvironmentDefaults"/> unless told otherwise.</summary>
        public static DynatraceEnvironment WithOAuthClient(string environmentUrl, string clientId, SecureString clientSecret,
            string? environmentId = null, Uri? tokenEndpoint = null, string[]? scopes = null, HttpMessageHandler? handler = null)
        {
            var url = Dynatrace.EnvironmentUrl.Parse(environmentUrl, environmentId);
            var authorization = new OAuthClientAuthorization(clientId, clientSecret, scopes ?? OAuthScopes.EnvironmentDefaults,
                OAuthScopes.EnvironmentResource(url.EnvironmentId), tokenEndpoint, handler);
            return new DynatraceEnvironment(url, authorization, handler);
        }

        /// <summary>
        /// The connection a CI step gets without Connect-DtEnvironment: DT_ENVIRONMENT_URL with
        /// DT_PLATFORM_TOKEN, with DT_API_TOKEN (a classic address), or with DT_CLIENT_ID and DT_CLIENT_SECRET (and DT_TOKEN_ENDPOINT for
        /// another SSO); DT_ENVIRONMENT_ID as Connect-DtEnvironment's -EnvironmentId. Null when DT_ENVIRONMENT_URL is not set.
        /// </summary>
        public static DynatraceEnvironment? FromEnvironmentVariables(Func<string, string?> variable)
        {
            var url = variable("DT_ENVIRONMENT_URL");
            if (string.IsNullOrWhiteSpace(url)) return null;
            var environmentId = variable("DT_ENVIRONMENT_ID") is { } id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : null;
            var token = variable("DT_PLATFORM_TOKEN");
            if (!string.IsNullOrEmpty(token)) return WithPlatformToken(url!, SecureStrings.FromPlainText(token!), environmentId);
            var apiToken = variable("DT_API_TOKEN");
            if (!string.IsNullOrEmpty(apiToken)) return WithApiToken(url!, SecureStrings.FromPlainText(apiToken!), environmentId);

            var clientId = variable("DT_CLIENT_ID");
            if (string.IsNullOrEmpty(clientId))
                throw new InvalidInputException("MissingToken", "DT_PLATFORM_TOKEN", null, "is not set",
                    "Set DT_PLATFORM_TOKEN to a platform token, or DT_CLIENT_ID and DT_CLIENT_SECRET to an OAuth client, or run Connect-DtEnvironment.");
            var secret = variable("DT_CLIENT_SECRET");
            if (string.IsNullOrEmpty(secret))
                throw new InvalidInputException("MissingClientSecret", "DT_CLIENT_SECRET", null, "is not set",
                    "Set DT_CLIENT_SECRET to the secret of the OAuth client DT_CLIENT_ID.");
            var endpoint = variable("DT_TOKEN_ENDPOINT");
            return WithOAuthClient(url!, clientId!, SecureStrings.FromPlainText(secret!), environmentId,
                InputRules.OptionalEndpoint(endpoint, "DT_TOKEN_ENDPOINT"));
        }

        public override string ToString() => EnvironmentUrl;

        public void Dispose()
        {
            Http.Dispose();
            (Authorization as IDisposable)?.Dispose();
        }
    }
}
