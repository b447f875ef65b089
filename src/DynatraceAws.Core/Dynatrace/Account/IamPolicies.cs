using System;
using System.Collections.Generic;
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
    /// <summary>IAM policies of one level (GET/POST/PUT/DELETE /iam/v1/repo/{levelType}/{levelId}/policies).</summary>
    public sealed class IamPolicies
    {
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;

        public IamPolicies(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _api = new DynatraceApi(account, log, retry);
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>The policies defined at the level itself, without statements.</summary>
        public async Task<IReadOnlyList<IamPolicy>> ListAsync(PolicyLevel level, CancellationToken ct)
        {
            var body = await _api.GetAsync("List IAM policies", level.RepoPath + "/policies", ct).ConfigureAwait(false);
            return Items(body?["policies"], level);
        }

        /// <summary>The policies usable at the level, inherited and global ones included, without statements.</summary>
        public async Task<IReadOnlyList<IamPolicy>> ListAllAsync(PolicyLevel level, CancellationToken ct)
        {
            var body = await _api.GetAsync("List IAM policies", level.RepoPath + "/policies/aggregate", ct).ConfigureAwait(false);
            return Items(body?["policyOverviewList"], level);
        }

        /// <summary>The policy with its statement, or null when there is none with that UUID.</summary>
        public async Task<IamPolicy?> GetAsync(PolicyLevel level, string uuid, CancellationToken ct)
        {
            try
            {
                var body = await _api.GetAsync("Read IAM policy", PolicyPath(level, uuid), ct).ConfigureAwait(false);
                return body is null ? null : IamPolicy.From(body, level);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The level's own policy of that exact name, with its statement, or null.</summary>
        public async Task<IamPolicy?> FindByNameAsync(PolicyLevel level, string name, CancellationToken ct)
        {
            var match = (await ListAsync(level, ct).ConfigureAwait(false)).FirstOrDefault(p => p.Name == name);
            return match is null ? null : await GetAsync(level, match.Uuid, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Creates the policy, or returns the one of that name when its statement is the same. A
        /// different statement is replaced only with <paramref name="replaceDifferent"/>.
        /// </summary>
        public async Task<PolicyChange> EnsureAsync(PolicyLevel level, string name, string description, string statementQuery,
            bool replaceDifferent, CancellationToken ct) =>
            await ApplyAsync(level, await PlanCreateAsync(level, name, description, statementQuery, replaceDifferent, ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false);

        /// <summary>
        /// Reads the level's policy of that name and decides, writing nothing: create it; nothing, when it
        /// has this statement (whitespace aside); or, with <paramref name="replaceDifferent"/>, replace its
        /// statement (and its description, when one is given). A different statement without it fails
        /// with PolicyStatementDiffers.
        /// </summary>
        public async Task<PolicyEdit> PlanCreateAsync(PolicyLevel level, string name, string description, string statementQuery,
            bool replaceDifferent, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidPolicyName");
            var existing = await FindByNameAsync(level, name, ct).ConfigureAwait(false);
            if (existing is null) return PolicyEdit.Create(name, description, statementQuery);
            if (PolicyStatement.AreSame(existing.StatementQuery, statementQuery))
            {
                _log.Verbose($"IAM policy '{name}' ({existing.Uuid}) already has this statement.");
                return PolicyEdit.None(existing);
            }
            if (!replaceDifferent)
                throw new DynatraceAwsException("PolicyStatementDiffers", FailureCategory.ResourceExists,
                    $"IAM policy '{name}' ({existing.Uuid}) at {level} exists with another statement: {existing.StatementQuery}",
                    "Run again with -Force to replace its statement, or choose another -Name.");
            return PolicyEdit.Of(existing, name, description, statementQuery);
        }

        /// <summary>
        /// Reads the policy that <paramref name="uuid"/> names, or when it is blank the level's own policy
        /// named <paramref name="name"/>, and decides what the given values change, writing nothing.
        /// Blank values keep the policy's own.
        /// </summary>
        public async Task<PolicyEdit> PlanUpdateAsync(PolicyLevel level, string? uuid, string? name, string? description, string? statementQuery,
            CancellationToken ct)
        {
            if (!string.IsNullOrEmpty(name)) InputRules.VisibleName(name, "Name", "InvalidPolicyName");
            IamPolicy current;
            if (!string.IsNullOrWhiteSpace(uuid))
                current = await GetAsync(level, uuid!.Trim(), ct).ConfigureAwait(false) ?? throw PolicyErrors.NotFound(uuid!, level);
            else if (!string.IsNullOrWhiteSpace(name))
                current = await FindByNameAsync(level, name!, ct).ConfigureAwait(false) ?? throw PolicyErrors.NotFoundByName(name!, level);
            else
                throw PolicyErrors.NotNamed();
            var edit = PolicyEdit.Of(current, name, description, statementQuery);
            if (edit.IsNoChange) _log.Verbose($"IAM policy '{current.Name}' ({current.Uuid}) at {level} already has these values.");
            return edit;
        }

        /// <summary>Sends what <paramref name="edit"/> decided: a create, an update of its changed fields, or nothing.</summary>
        public async Task<PolicyChange> ApplyAsync(PolicyLevel level, PolicyEdit edit, CancellationToken ct)
        {
            if (edit.Current is null)
                return new PolicyChange(await CreateAsync(level, edit.Name, edit.Description, edit.StatementQuery, ct).ConfigureAwait(false),
                    PolicyChangeKind.Created);
            if (edit.IsNoChange) return new PolicyChange(edit.Current, PolicyChangeKind.Unchanged);
            var updated = await UpdateAsync(level, edit.Current.Uuid, edit.Name, edit.Description, edit.StatementQuery, ct).ConfigureAwait(false);
            return new PolicyChange(updated, PolicyChangeKind.Updated);
        }

        public async Task<IamPolicy> CreateAsync(PolicyLevel level, string name, string description, string statementQuery, CancellationToken ct)
        {
            var body = await _api.SendAsync($"Create IAM policy '{name}'", HttpMethod.Post, level.RepoPath + "/policies",
                Body(name, description, statementQuery), ct).ConfigureAwait(false);
            var created = IamPolicy.From(body ?? throw NoBody("create"), level);
            _log.Verbose($"Created IAM policy '{name}' ({created.Uuid}) at {level}.");
            return created;
        }

        /// <summary>Replaces name, description and statement (PUT answers 201 or 204, without the policy), then reads it back.</summary>
        public async Task<IamPolicy> UpdateAsync(PolicyLevel level, string uuid, string name, string description, string statementQuery,
            CancellationToken ct)
        {
            await _api.SendAsync($"Update IAM policy '{name}'", HttpMethod.Put, PolicyPath(level, uuid),
                Body(name, description, statementQuery), ct).ConfigureAwait(false);
            _log.Verbose($"Updated IAM policy '{name}' ({uuid}) at {level}.");
            return await GetAsync(level, uuid, ct).ConfigureAwait(false) ?? throw NoBody("read back");
        }

        /// <summary>Deletes the policy; <paramref name="unbind"/> also deletes its bindings, without which a bound policy stays.</summary>
        public async Task DeleteAsync(PolicyLevel level, string uuid, bool unbind, CancellationToken ct)
        {
            await _api.SendAsync("Delete IAM policy", HttpMethod.Delete, $"{PolicyPath(level, uuid)}?force={(unbind ? "true" : "false")}",
                null, ct).ConfigureAwait(false);
            _log.Verbose($"Deleted IAM policy {uuid} at {level}.");
        }

        private static string PolicyPath(PolicyLevel level, string uuid) => $"{level.RepoPath}/policies/{Uri.EscapeDataString(uuid)}";

        private static JsonObject Body(string name, string description, string statementQuery) => new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["statementQuery"] = statementQuery,
            ["tags"] = new JsonArray(),
        };

        private static IReadOnlyList<IamPolicy> Items(JsonNode? list, PolicyLevel level) =>
            (list as JsonArray)?.OfType<JsonObject>().Select(p => IamPolicy.From(p, level)).ToArray() ?? Array.Empty<IamPolicy>();

        private static DynatraceAwsException NoBody(string step) => new DynatraceAwsException("UnexpectedAnswer", FailureCategory.ProtocolError,
            $"The account management API did not return the IAM policy after {step}.", null);
    }

    public enum PolicyChangeKind
    {
        Unchanged,
        Created,
        Updated,
    }

    public sealed class PolicyChange
    {
        public PolicyChange(IamPolicy policy, PolicyChangeKind kind)
        {
            Policy = policy;
            Kind = kind;
        }

        public IamPolicy Policy { get; }
        public PolicyChangeKind Kind { get; }
    }
}
