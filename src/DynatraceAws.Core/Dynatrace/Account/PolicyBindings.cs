using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Bindings of policies to groups at one level (/iam/v1/repo/{levelType}/{levelId}/bindings).</summary>
    public sealed class PolicyBindings
    {
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;

        public PolicyBindings(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _api = new DynatraceApi(account, log, retry);
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>Every binding at the level, or only those of one policy.</summary>
        public async Task<IReadOnlyList<PolicyBinding>> ListAsync(PolicyLevel level, string? policyUuid, CancellationToken ct)
        {
            var path = policyUuid is null ? level.RepoPath + "/bindings" : $"{level.RepoPath}/bindings/{Uri.EscapeDataString(policyUuid)}";
            var body = await _api.GetAsync("List policy bindings", path, ct).ConfigureAwait(false);
            return ((body?["policyBindings"] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
                .SelectMany(b => ((b["groups"] as JsonArray) ?? new JsonArray()).Select(g => new PolicyBinding(
                    (string?)b["policyUuid"] ?? "", (string?)g ?? "", level.Type, level.Id)))
                .ToArray();
        }

        public async Task<IReadOnlyList<string>> PoliciesOfGroupAsync(PolicyLevel level, string groupUuid, CancellationToken ct)
        {
            var body = await _api.GetAsync("Read the policies of a group", GroupPath(level, groupUuid), ct).ConfigureAwait(false);
            return ((body?["policyUuids"] as JsonArray) ?? new JsonArray()).Select(p => (string?)p ?? "").Where(p => p.Length > 0).ToArray();
        }

        /// <summary>Binds the policy to those of the groups it is not bound to yet; returns the new bindings, none when all existed.</summary>
        public async Task<IReadOnlyList<PolicyBinding>> AddAsync(PolicyLevel level, string policyUuid, IReadOnlyCollection<string> groupUuids,
            IReadOnlyCollection<string> boundaries, CancellationToken ct)
        {
            var bound = (await ListAsync(level, policyUuid, ct).ConfigureAwait(false)).Select(b => b.GroupUuid).ToList();
            var missing = groupUuids.Where(g => !bound.Contains(g, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (missing.Length == 0)
            {
                _log.Verbose($"Policy {policyUuid} is already bound to {string.Join(", ", groupUuids)} at {level}.");
                return Array.Empty<PolicyBinding>();
            }
            var body = new JsonObject
            {
                ["groups"] = new JsonArray(missing.Select(g => (JsonNode)g).ToArray()),
                ["boundaries"] = new JsonArray(boundaries.Select(b => (JsonNode)b).ToArray()),
            };
            await _api.SendAsync("Bind policy to groups", HttpMethod.Post, $"{level.RepoPath}/bindings/{Uri.EscapeDataString(policyUuid)}", body, ct)
                .ConfigureAwait(false);
            _log.Verbose($"Bound policy {policyUuid} to {string.Join(", ", missing)} at {level}.");
            return missing.Select(g => new PolicyBinding(policyUuid, g, level.Type, level.Id)).ToArray();
        }

        /// <summary>The group ends up bound to exactly these policies at the level.</summary>
        public async Task ReplaceForGroupAsync(PolicyLevel level, string groupUuid, IReadOnlyCollection<string> policyUuids, CancellationToken ct)
        {
            var body = new JsonObject { ["policyUuids"] = new JsonArray(policyUuids.Select(p => (JsonNode)p).ToArray()) };
            await _api.SendAsync("Replace the policies of a group", HttpMethod.Put, GroupPath(level, groupUuid), body, ct).ConfigureAwait(false);
            _log.Verbose($"Group {groupUuid} is now bound to {policyUuids.Count} policies at {level}.");
        }

        /// <summary>Binds every policy to every group, adding only what is missing; returns the new bindings.</summary>
        public async Task<IReadOnlyList<PolicyBinding>> GrantAsync(PolicyLevel level, IReadOnlyCollection<string> policyUuids,
            IReadOnlyCollection<string> groupUuids, IReadOnlyCollection<string> boundaries, CancellationToken ct)
        {
            var added = new List<PolicyBinding>();
            foreach (var policy in policyUuids)
                added.AddRange(await AddAsync(level, policy, groupUuids, boundaries, ct).ConfigureAwait(false));
            return added;
        }

        /// <summary>Unbinds; false when the binding did not exist.</summary>
        public async Task<bool> RemoveAsync(PolicyLevel level, string policyUuid, string groupUuid, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Unbind policy from group", HttpMethod.Delete,
                    $"{level.RepoPath}/bindings/{Uri.EscapeDataString(policyUuid)}/{Uri.EscapeDataString(groupUuid)}", null, ct).ConfigureAwait(false);
                return true;
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return false;
            }
        }

        private static string GroupPath(PolicyLevel level, string groupUuid) => $"{level.RepoPath}/bindings/groups/{Uri.EscapeDataString(groupUuid)}";
    }
}
