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

        /// <summary>For each policy, the groups it is not bound to yet; a policy bound to all of them is left out. Reads only.</summary>
        public Task<IReadOnlyList<BindingChange>> PlanGrantAsync(PolicyLevel level, BindingTargets targets, CancellationToken ct) =>
            PlanAsync(level, targets, bound: false, ct);

        /// <summary>For each policy, the groups it is bound to; bindings already gone are left out. Reads only.</summary>
        public Task<IReadOnlyList<BindingChange>> PlanRevokeAsync(PolicyLevel level, BindingTargets targets, CancellationToken ct) =>
            PlanAsync(level, targets, bound: true, ct);

        /// <summary>Binds the policy of <paramref name="change"/> to its groups; returns the new bindings.</summary>
        public async Task<IReadOnlyList<PolicyBinding>> BindAsync(PolicyLevel level, BindingChange change, IReadOnlyCollection<string> boundaries,
            CancellationToken ct)
        {
            var body = new JsonObject
            {
                ["groups"] = new JsonArray(change.Groups.Select(g => (JsonNode)g.Uuid).ToArray()),
                ["boundaries"] = new JsonArray(boundaries.Select(b => (JsonNode)b).ToArray()),
            };
            await _api.SendAsync("Bind policy to groups", HttpMethod.Post, $"{level.RepoPath}/bindings/{Uri.EscapeDataString(change.Policy.Uuid)}", body, ct)
                .ConfigureAwait(false);
            _log.Verbose($"Bound policy {change.Policy} to {string.Join(", ", change.Groups)} at {level}.");
            return change.Bindings(level).ToArray();
        }

        /// <summary>Binds every policy to every group, adding only what is missing; returns the new bindings.</summary>
        public async Task<IReadOnlyList<PolicyBinding>> GrantAsync(PolicyLevel level, BindingTargets targets, IReadOnlyCollection<string> boundaries,
            CancellationToken ct)
        {
            var added = new List<PolicyBinding>();
            foreach (var change in await PlanGrantAsync(level, targets, ct).ConfigureAwait(false))
                added.AddRange(await BindAsync(level, change, boundaries, ct).ConfigureAwait(false));
            return added;
        }

        /// <summary>The groups whose policies at the level are not exactly these; the others need no replace. Reads only.</summary>
        public async Task<IReadOnlyList<IamReference>> PlanReplaceAsync(PolicyLevel level, BindingTargets targets, CancellationToken ct)
        {
            var wanted = targets.Policies.Select(p => p.Uuid).ToArray();
            var differing = new List<IamReference>();
            foreach (var group in targets.Groups)
            {
                var held = await PoliciesOfGroupAsync(level, group.Uuid, ct).ConfigureAwait(false);
                if (new HashSet<string>(held, StringComparer.OrdinalIgnoreCase).SetEquals(wanted))
                    _log.Verbose($"Group {group} is already bound to exactly {string.Join(", ", targets.Policies)} at {level}.");
                else
                    differing.Add(group);
            }
            return differing;
        }

        /// <summary>The group ends up bound to exactly these policies at the level.</summary>
        public async Task ReplaceForGroupAsync(PolicyLevel level, string groupUuid, IReadOnlyCollection<string> policyUuids, CancellationToken ct)
        {
            var body = new JsonObject { ["policyUuids"] = new JsonArray(policyUuids.Select(p => (JsonNode)p).ToArray()) };
            await _api.SendAsync("Replace the policies of a group", HttpMethod.Put, GroupPath(level, groupUuid), body, ct).ConfigureAwait(false);
            _log.Verbose($"Group {groupUuid} is now bound to {policyUuids.Count} policies at {level}.");
        }

        /// <summary>Unbinds; false when the binding did not exist.</summary>
        public async Task<bool> RemoveAsync(PolicyLevel level, string policyUuid, string groupUuid, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Unbind policy from group", HttpMethod.Delete,
                    $"{level.RepoPath}/bindings/{Uri.EscapeDataString(policyUuid)}/{Uri.EscapeDataString(groupUuid)}?forceMultiple=false", null, ct)
                    .ConfigureAwait(false);
                return true;
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return false;
            }
        }

        private async Task<IReadOnlyList<BindingChange>> PlanAsync(PolicyLevel level, BindingTargets targets, bool bound, CancellationToken ct)
        {
            var changes = new List<BindingChange>();
            foreach (var policy in targets.Policies)
            {
                var groupsOfPolicy = (await ListAsync(level, policy.Uuid, ct).ConfigureAwait(false)).Select(b => b.GroupUuid).ToArray();
                var selected = targets.Groups.Where(g => groupsOfPolicy.Contains(g.Uuid, StringComparer.OrdinalIgnoreCase) == bound).ToArray();
                var skipped = targets.Groups.Except(selected).ToList();
                if (skipped.Count > 0)
                    _log.Verbose(bound
                        ? $"Policy {policy} is not bound to {string.Join(", ", skipped)} at {level}; nothing to unbind."
                        : $"Policy {policy} is already bound to {string.Join(", ", skipped)} at {level}.");
                if (selected.Length > 0) changes.Add(new BindingChange(policy, selected));
            }
            return changes;
        }

        private static string GroupPath(PolicyLevel level, string groupUuid) => $"{level.RepoPath}/bindings/groups/{Uri.EscapeDataString(groupUuid)}";
    }
}
