using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// A connection to one Dynatrace environment: its address, how to authenticate, and the one
    /// HttpClient used for every call to it. Shows no secret.
    /// </summary>
    public sealed class DynatraceEnvironment : IDisposable
    {
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Requests in flight to one environment at most, however many accounts run in parallel:
        /// Dynatrace queues per environment and answers 429 when the queue is full.
        /// </summary>
        public const int MaxConcurrentRequests = 10;

        private readonly ConcurrentDictionary<string, Lazy<Task<ExtensionVersion>>> _extensionVersions =
            new ConcurrentDictionary<string, Lazy<Task<ExtensionVersion>>>(StringComparer.OrdinalIgnoreCase);

        public DynatraceEnvironment(EnvironmentUrl url, IAuthorization authorization,
            HttpMessageHandler? handler = null, TimeSpan? requestTimeout = null)
        {
            Url = url;
            Authorization = authorization;
            Http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null)
            {
                BaseAddress = url.BaseUri,
                Timeout = requestTimeout ?? DefaultRequestTimeout,
            };
            Http.DefaultRequestHeaders.UserAgent.ParseAdd("DynatraceAws/" + typeof(DynatraceEnvironment).Assembly.GetName().Version);
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        public string EnvironmentUrl => Url.ToString();
        public string EnvironmentId => Url.EnvironmentId;
        public string AuthenticationType => Authorization.Kind;
        public DateTimeOffset ConnectedAt { get; }

        internal EnvironmentUrl Url { get; }
        internal IAuthorization Authorization { get; }
        internal HttpClient Http { get; }

        internal SemaphoreSlim RequestSlots { get; } = new SemaphoreSlim(MaxConcurrentRequests);

        /// <summary>Active extension versions read in this session, so each is read once even by parallel callers.</summary>
        internal ConcurrentDictionary<string, Lazy<Task<ExtensionVersion>>> ExtensionVersions => _extensionVersions;

        public static DynatraceEnvironment WithPlatformToken(string environmentUrl, SecureString token,
            string? environmentId = null, HttpMessageHandler? handler = null) =>
            new DynatraceEnvironment(Dynatrace.EnvironmentUrl.Parse(environmentUrl, environmentId), new PlatformTokenAuthorization(token), handler);

        /// <summary>
        /// The connection a CI step gets without Connect-DtEnvironment: DT_ENVIRONMENT_URL with
        /// DT_PLATFORM_TOKEN. Null when DT_ENVIRONMENT_URL is not set.
        /// </summary>
        public static DynatraceEnvironment? FromEnvironmentVariables(Func<string, string?> variable)
        {
            var url = variable("DT_ENVIRONMENT_URL");
            if (string.IsNullOrWhiteSpace(url)) return null;
            var token = variable("DT_PLATFORM_TOKEN");
            if (string.IsNullOrEmpty(token))
                throw new InvalidInputException("MissingToken", "DT_PLATFORM_TOKEN", null, "is not set",
                    "Set DT_PLATFORM_TOKEN to a platform token, or run Connect-DtEnvironment.");
            return WithPlatformToken(url!, SecureStrings.FromPlainText(token!));
        }

        public override string ToString() => EnvironmentUrl;

        public void Dispose()
        {
            Http.Dispose();
            RequestSlots.Dispose();
        }
    }
}
