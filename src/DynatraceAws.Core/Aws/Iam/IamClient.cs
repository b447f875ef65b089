using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using DynatraceAws.Core.Aws.Signing;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>
    /// The IAM Query API (Version 2010-05-08) for the calls the module makes: form POSTs signed with
    /// SigV4, XML answers, every call through the module's <see cref="RetryPolicy"/>. Errors arrive
    /// as <see cref="IamException"/>; a request that outlives HttpClient.Timeout as <see cref="TimeoutException"/>.
    /// </summary>
    public sealed class IamClient
    {
        private readonly HttpClient _http;
        private readonly Uri _endpoint;
        private readonly SigV4Signer _signer;
        private readonly IAwsCredentialSource _credentials;
        private readonly RetryPolicy _retry;
        private readonly AdaptiveConcurrency _requests;
        private readonly ICoreLog _log;

        /// <param name="httpClient">Must have a finite Timeout; it bounds every attempt.</param>
        /// <param name="endpoint">The partition's IAM endpoint (<see cref="AwsPartition.IamEndpoint"/>) or an emulator.</param>
        /// <param name="signingRegion">The partition's IAM signing region (<see cref="AwsPartition.IamSigningRegion"/>).</param>
        /// <param name="requests">The account's IAM concurrency limit, shared by its clients (<see cref="ConcurrencyFor"/>); one of its own when left out.</param>
        public IamClient(HttpClient httpClient, Uri endpoint, string signingRegion, IAwsCredentialSource credentials,
            RetryPolicy? retryPolicy = null, ICoreLog? log = null, AdaptiveConcurrency? requests = null)
        {
            _log = RedactingLog.Wrap(log);
            _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            if (httpClient.Timeout == Timeout.InfiniteTimeSpan)
                throw new ArgumentException("The HttpClient for IAM needs a finite Timeout.", nameof(httpClient));
            _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            if (!endpoint.IsAbsoluteUri) throw new ArgumentException($"The IAM endpoint {endpoint} is not absolute.", nameof(endpoint));
            _signer = new SigV4Signer("iam", signingRegion);
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _retry = retryPolicy ?? RetryPolicy.Default;
            _requests = requests ?? ConcurrencyFor("(unnamed)");
        }

        /// <summary>
        /// IAM throttles the calls of each account (Throttling, "Rate exceeded") at a rate AWS does not
        /// publish. Three at once is what one account's onboarding uses at its widest (its two policies,
        /// and the role once its connection exists), so that none of its calls waits on another.
        /// </summary>
        public static AdaptiveConcurrency ConcurrencyFor(string accountId) =>
            new AdaptiveConcurrency($"IAM of AWS account {accountId}", 3, 8, reportsGrowth: false);

        public async Task<IamPolicy> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken ct)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var form = new IamForm("CreatePolicy")
                .Add("PolicyName", request.PolicyName)
                .AddIfPresent("Path", request.Path)
                .Add("PolicyDocument", request.PolicyDocument)
                .AddIfPresent("Description", request.Description)
                .AddTags(request.Tags);
            return IamResponseReader.Policy(await ResultAsync(form, "Policy", ct).ConfigureAwait(false));
        }

        public async Task<IamPolicy> GetPolicyAsync(string policyArn, CancellationToken ct)
        {
            var form = new IamForm("GetPolicy").Add("PolicyArn", Required(policyArn, nameof(policyArn)));
            return IamResponseReader.Policy(await ResultAsync(form, "Policy", ct).ConfigureAwait(false));
        }

        /// <summary>The version with its document, URL-decoded.</summary>
        public async Task<IamPolicyVersion> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken ct)
        {
            var form = new IamForm("GetPolicyVersion")
                .Add("PolicyArn", Required(policyArn, nameof(policyArn)))
                .Add("VersionId", Required(versionId, nameof(versionId)));
            return IamResponseReader.PolicyVersion(await ResultAsync(form, "PolicyVersion", ct).ConfigureAwait(false));
        }

        public async Task<IamPolicyVersion> CreatePolicyVersionAsync(string policyArn, string policyDocument, bool setAsDefault,
            CancellationToken ct)
        {
            var form = new IamForm("CreatePolicyVersion")
                .Add("PolicyArn", Required(policyArn, nameof(policyArn)))
                .Add("PolicyDocument", Required(policyDocument, nameof(policyDocument)))
                .Add("SetAsDefault", setAsDefault);
            return IamResponseReader.PolicyVersion(await ResultAsync(form, "PolicyVersion", ct).ConfigureAwait(false));
        }

        /// <summary>All versions, every page; IAM leaves the documents out here.</summary>
        public Task<IReadOnlyList<IamPolicyVersion>> ListPolicyVersionsAsync(string policyArn, CancellationToken ct)
        {
            Required(policyArn, nameof(policyArn));
            return ListAllAsync(
                marker => new IamForm("ListPolicyVersions").Add("PolicyArn", policyArn).AddIfPresent("Marker", marker),
                "Versions", IamResponseReader.PolicyVersion, ct);
        }

        public Task DeletePolicyVersionAsync(string policyArn, string versionId, CancellationToken ct) =>
            SendAsync(new IamForm("DeletePolicyVersion")
                .Add("PolicyArn", Required(policyArn, nameof(policyArn)))
                .Add("VersionId", Required(versionId, nameof(versionId))), ct);

        public async Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken ct)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var form = new IamForm("CreateRole")
                .Add("RoleName", request.RoleName)
                .AddIfPresent("Path", request.Path)
                .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
                .AddIfPresent("Description", request.Description)
                .AddIfPresent("PermissionsBoundary", request.PermissionsBoundaryArn)
                .AddTags(request.Tags);
            return IamResponseReader.Role(await ResultAsync(form, "Role", ct).ConfigureAwait(false));
        }

        /// <summary>The role with its trust policy, URL-decoded.</summary>
        public async Task<IamRole> GetRoleAsync(string roleName, CancellationToken ct)
        {
            var form = new IamForm("GetRole").Add("RoleName", Required(roleName, nameof(roleName)));
            return IamResponseReader.Role(await ResultAsync(form, "Role", ct).ConfigureAwait(false));
        }

        public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken ct) =>
            SendAsync(new IamForm("UpdateAssumeRolePolicy")
                .Add("RoleName", Required(roleName, nameof(roleName)))
                .Add("PolicyDocument", Required(policyDocument, nameof(policyDocument))), ct);

        public Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken ct) =>
            SendAsync(new IamForm("AttachRolePolicy")
                .Add("RoleName", Required(roleName, nameof(roleName)))
                .Add("PolicyArn", Required(policyArn, nameof(policyArn))), ct);

        /// <summary>All managed policies attached to the role, every page.</summary>
        public Task<IReadOnlyList<AttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, CancellationToken ct)
        {
            Required(roleName, nameof(roleName));
            return ListAllAsync(
                marker => new IamForm("ListAttachedRolePolicies").Add("RoleName", roleName).AddIfPresent("Marker", marker),
                "AttachedPolicies", IamResponseReader.AttachedPolicy, ct);
        }

        /// <summary>Adds the tags, replacing the values of keys the role already has.</summary>
        public Task TagRoleAsync(string roleName, IReadOnlyList<IamTag> tags, CancellationToken ct)
        {
            if (tags is null || tags.Count == 0) throw new ArgumentException("TagRole needs at least one tag.", nameof(tags));
            return SendAsync(new IamForm("TagRole").Add("RoleName", Required(roleName, nameof(roleName))).AddTags(tags), ct);
        }

        public Task DetachRolePolicyAsync(string roleName, string policyArn, CancellationToken ct) =>
            SendAsync(new IamForm("DetachRolePolicy")
                .Add("RoleName", Required(roleName, nameof(roleName)))
                .Add("PolicyArn", Required(policyArn, nameof(policyArn))), ct);

        /// <summary>IAM refuses (DeleteConflict) while policies are still attached.</summary>
        public Task DeleteRoleAsync(string roleName, CancellationToken ct) =>
            SendAsync(new IamForm("DeleteRole").Add("RoleName", Required(roleName, nameof(roleName))), ct);

        /// <summary>IAM refuses (DeleteConflict) while the policy is attached or has non-default versions.</summary>
        public Task DeletePolicyAsync(string policyArn, CancellationToken ct) =>
            SendAsync(new IamForm("DeletePolicy").Add("PolicyArn", Required(policyArn, nameof(policyArn))), ct);

        private async Task<XElement> ResultAsync(IamForm form, string member, CancellationToken ct)
        {
            var root = await CallAsync(form, ct).ConfigureAwait(false);
            return IamXml.RequiredChild(IamResponseReader.Result(form.Action, root), member);
        }

        private async Task SendAsync(IamForm form, CancellationToken ct)
        {
            var root = await CallAsync(form, ct).ConfigureAwait(false);
            IamResponseReader.EnsureResponse(form.Action, root);
        }

        private async Task<IReadOnlyList<T>> ListAllAsync<T>(Func<string?, IamForm> page, string listName,
            Func<XElement, T> read, CancellationToken ct)
        {
            var items = new List<T>();
            var form = page(null);
            var guard = new PageGuard("IAM", "IAM " + form.Action);
            while (true)
            {
                var result = IamResponseReader.Result(form.Action, await CallAsync(form, ct).ConfigureAwait(false));
                items.AddRange(IamXml.Members(result, listName).Select(read));
                var marker = IamResponseReader.NextMarker(form.Action, result);
                if (marker is null) return items;
                guard.Next(marker, "Marker");
                form = page(marker);
            }
        }

        private Task<XElement> CallAsync(IamForm form, CancellationToken ct) =>
            _retry.ExecuteAsync(form.Action, attemptToken => AttemptAsync(form, attemptToken), _log, ct, EndpointName(_endpoint));

        /// <summary>How a run's breakers name IAM at this address: one endpoint for every account.</summary>
        public static string EndpointName(Uri endpoint) => "IAM at " + endpoint.Authority;

        private Task<XElement> AttemptAsync(IamForm form, CancellationToken ct) =>
            _requests.RunAsync(form.Action, _log, async token =>
            {
                var credentials = await _credentials.GetAsync(token).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = form.ToContent() };
                await _signer.SignAsync(request, credentials, DateTimeOffset.UtcNow).ConfigureAwait(false);

                var (response, body) = await AwsHttp.SendAsync(_http, request, "IAM " + form.Action, _log, token).ConfigureAwait(false);
                using var _ = response;
                if (!response.IsSuccessStatusCode) throw IamErrorReader.Read(form.Action, response, body);
                return IamXml.ParseRoot(form.Action, body);
            }, ct);

        private static string Required(string value, string name)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{name} is empty.", name);
            return value;
        }
    }
}
