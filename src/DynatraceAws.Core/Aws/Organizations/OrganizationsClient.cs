using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Signing;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>
    /// The read calls of AWS Organizations (JSON 1.1 protocol: a signed POST naming the operation in
    /// X-Amz-Target), every page, every call through the module's <see cref="RetryPolicy"/>. Errors
    /// arrive as <see cref="OrganizationsException"/>; a request that outlives HttpClient.Timeout as
    /// <see cref="TimeoutException"/>.
    /// </summary>
    public sealed class OrganizationsClient
    {
        public const string SigningName = "organizations";
        private const string TargetPrefix = "AWSOrganizationsV20161128.";
        private static readonly MediaTypeHeaderValue JsonType = new MediaTypeHeaderValue("application/x-amz-json-1.1");

        private readonly HttpClient _http;
        private readonly Uri _endpoint;
        private readonly SigV4Signer _signer;
        private readonly IAwsCredentialSource _credentials;
        private readonly RetryPolicy _retry;
        private readonly ICoreLog _log;

        /// <param name="httpClient">Must have a finite Timeout; it bounds every attempt.</param>
        /// <param name="endpoint">The partition's Organizations endpoint (<see cref="OrganizationsEndpoint"/>) or an emulator.</param>
        public OrganizationsClient(HttpClient httpClient, Uri endpoint, string signingRegion, IAwsCredentialSource credentials,
            RetryPolicy? retryPolicy = null, ICoreLog? log = null)
        {
            _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            if (httpClient.Timeout == Timeout.InfiniteTimeSpan)
                throw new ArgumentException("The HttpClient for Organizations needs a finite Timeout.", nameof(httpClient));
            _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            if (!endpoint.IsAbsoluteUri) throw new ArgumentException($"The Organizations endpoint {endpoint} is not absolute.", nameof(endpoint));
            _signer = new SigV4Signer(SigningName, signingRegion);
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _retry = retryPolicy ?? RetryPolicy.Default;
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>A client with the credentials the options name (no role is assumed: Organizations is read from the calling account).</summary>
        public static OrganizationsClient Open(AwsCredentialOptions options, ICoreLog? log, RetryPolicy? retry)
        {
            var (credentials, source) = SdkCredentials.Resolve(options);
            var (region, regionSource) = AwsRegion.Resolve(options, Environment.GetEnvironmentVariable);
            var endpoint = OrganizationsEndpoint.For(AwsPartition.ForRegion(region));
            var url = ConfiguredEndpoint.For(ConfiguredEndpoint.Organizations, options.EndpointUrl, Environment.GetEnvironmentVariable) ?? endpoint.Url;
            var client = new OrganizationsClient(AwsHttp.Shared, url, endpoint.SigningRegion, new SdkCredentialSource(credentials), retry, log);
            client._log.Debug($"AWS credentials from {source}; region {region} from {regionSource}; Organizations at {url}.");
            return client;
        }

        public async Task<OrganizationDescription> DescribeOrganizationAsync(CancellationToken ct)
        {
            using var document = await CallAsync("DescribeOrganization", new Dictionary<string, string>(), ct).ConfigureAwait(false);
            return OrganizationsJson.Organization(OrganizationsJson.Required("DescribeOrganization", document.RootElement, "Organization"));
        }

        public Task<IReadOnlyList<OrganizationalUnit>> ListRootsAsync(CancellationToken ct) =>
            ListAllAsync("ListRoots", null, "Roots", OrganizationsJson.Unit, ct);

        public Task<IReadOnlyList<OrganizationalUnit>> ListOrganizationalUnitsForParentAsync(string parentId, CancellationToken ct) =>
            ListAllAsync("ListOrganizationalUnitsForParent", Required(parentId, nameof(parentId)), "OrganizationalUnits", OrganizationsJson.Unit, ct);

        /// <summary>The accounts directly in the root or OU, not those of OUs below it.</summary>
        public Task<IReadOnlyList<OrganizationAccount>> ListAccountsForParentAsync(string parentId, CancellationToken ct) =>
            ListAllAsync("ListAccountsForParent", Required(parentId, nameof(parentId)), "Accounts", OrganizationsJson.Account, ct);

        /// <summary>Every account of the organization, without where it sits.</summary>
        public Task<IReadOnlyList<OrganizationAccount>> ListAccountsAsync(CancellationToken ct) =>
            ListAllAsync("ListAccounts", null, "Accounts", OrganizationsJson.Account, ct);

        private async Task<IReadOnlyList<T>> ListAllAsync<T>(string operation, string? parentId, string listName,
            Func<JsonElement, T> read, CancellationToken ct)
        {
            var items = new List<T>();
            var guard = new PageGuard("Organizations", "Organizations " + operation);
            string? nextToken = null;
            do
            {
                var request = new Dictionary<string, string>();
                if (parentId != null) request["ParentId"] = parentId;
                if (nextToken != null) request["NextToken"] = nextToken;
                using var document = await CallAsync(operation, request, ct).ConfigureAwait(false);
                foreach (var item in OrganizationsJson.Required(operation, document.RootElement, listName).EnumerateArray()) items.Add(read(item));
                nextToken = OrganizationsJson.Text(document.RootElement, "NextToken");
                if (nextToken != null) guard.Next(nextToken, "NextToken");
            }
            while (nextToken != null);
            return items;
        }

        private Task<JsonDocument> CallAsync(string operation, IReadOnlyDictionary<string, string> request, CancellationToken ct)
        {
            var body = JsonSerializer.Serialize(request);
            return _retry.ExecuteAsync(operation, attemptToken => AttemptAsync(operation, body, attemptToken), _log, ct, "Organizations at " + _endpoint.Authority);
        }

        private async Task<JsonDocument> AttemptAsync(string operation, string body, CancellationToken ct)
        {
            var credentials = await _credentials.GetAsync(ct).ConfigureAwait(false);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = JsonType;
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
            await _signer.SignAsync(request, credentials, DateTimeOffset.UtcNow).ConfigureAwait(false);

            var (response, text) = await AwsHttp.SendAsync(_http, request, "Organizations " + operation, _log, ct).ConfigureAwait(false);
            using var _ = response;
            if (!response.IsSuccessStatusCode) throw OrganizationsErrorReader.Read(operation, response, text);
            return OrganizationsJson.Parse(operation, text);
        }

        private static string Required(string value, string name)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{name} is empty.", name);
            return value;
        }
    }
}
