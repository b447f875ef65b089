using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;

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

        /// <summary>
        /// Reads the bindings of each policy and plans binding it to the groups it is not bound to yet, one
        /// write per policy; bindings in place are left as they are. The plan's result is every binding of
        /// the targets.
        /// </summary>
        /// <param name="boundaries">UUIDs of policy boundaries that limit the new bindings.</param>
        public async Task<Plan<IReadOnlyList<PolicyBinding>>> PlanGrantAsync(PolicyLevel level, BindingTargets targets, IReadOnlyCollection<string> boundaries,
            CancellationToken ct)
        {
            var plan = new PlanBuilder();
            foreach (var policy in targets.Policies)
            {
                var bound = await GroupsOfAsync(level, policy, ct).ConfigureAwait(false);
                var missing = targets.Groups.Where(g => !bound.Contains(g.Uuid)).ToArray();
                if (missing.Length < targets.Groups.Count)
                    _log.Verbose($"Policy {policy} is already bound to {string.Join(", ", targets.Groups.Except(missing))} at {level}.");
                if (missing.Length > 0)
                    plan.Add(BindingChange(policy.ToString(), string.Join<IamReference>(", ", missing), missing.Length, boundaries),
                        ct2 => BindAsync(level, policy.Uuid, missing.Select(g => g.Uuid).ToArray(), boundaries, ct2));
            }
            return plan.Build($"policy bindings at {level}", () => (IReadOnlyList<PolicyBinding>)targets.Bindings(level).ToArray(),
                $"Every policy is bound to every group at {level} already; nothing to bind.");
        }

        /// <summary>
        /// Reads the bindings of each policy and plans unbinding it from the groups it is bound to, one
        /// write per binding; bindings already gone are left out. The plan's result is the bindings it removes.
        /// </summary>
        public async Task<Plan<IReadOnlyList<PolicyBinding>>> PlanRevokeAsync(PolicyLevel level, BindingTargets targets, CancellationToken ct)
        {
            var plan = new PlanBuilder();
            var removed = new List<PolicyBinding>();
            foreach (var policy in targets.Policies)
            {
                var bound = await GroupsOfAsync(level, policy, ct).ConfigureAwait(false);
                foreach (var group in targets.Groups)
                {
                    if (!bound.Contains(group.Uuid))
                    {
                        _log.Verbose($"Policy {policy} is not bound to {group} at {level}; nothing to unbind.");
                        continue;
                    }
                    plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete, $"binding of policy {policy} to group {group}"),
                        ct2 => RemoveAsync(level, policy.Uuid, group.Uuid, ct2));
                    removed.Add(new PolicyBinding(policy.Uuid, group.Uuid, level.Type, level.Id));
                }
            }
            return plan.Build($"policy bindings at {level}", () => (IReadOnlyList<PolicyBinding>)removed.ToArray(),
                $"No policy is bound to any of the groups at {level}; nothing to unbind.");
        }

        /// <summary>
        /// Reads the policies of each group and plans, for each group whose policies at the level are not
        /// exactly these, the one write that makes them so. The plan's result is every binding of the targets.
        /// </summary>
        public async Task<Plan<IReadOnlyList<PolicyBinding>>> PlanReplaceAsync(PolicyLevel level, BindingTargets targets, CancellationToken ct)
        {
            var wanted = targets.Policies.Select(p => p.Uuid).ToArray();
            var plan = new PlanBuilder();
            foreach (var group in targets.Groups)
            {
                var held = await PoliciesOfGroupAsync(level, group.Uuid, ct).ConfigureAwait(false);
                if (new HashSet<string>(held, StringComparer.OrdinalIgnoreCase).SetEquals(wanted)) continue;
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Update, $"policy bindings of group {group}",
                        Named(held, targets.Policies), string.Join(", ", targets.Policies)),
                    ct2 => ReplaceForGroupAsync(level, group.Uuid, wanted, ct2));
            }
            return plan.Build($"policy bindings at {level}", () => (IReadOnlyList<PolicyBinding>)targets.Bindings(level).ToArray(),
                $"Every group is bound to exactly {string.Join(", ", targets.Policies)} at {level} already; nothing to replace.");
        }

        /// <summary>The change that binds a policy to groups, as -WhatIf shows it.</summary>
        internal static PlannedChange BindingChange(string policy, string groups, int groupCount, IReadOnlyCollection<string> boundaries) =>
            new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"binding of policy {policy} to {(groupCount == 1 ? "group" : "groups")} {groups}",
                after: boundaries.Count == 0 ? null : $"boundaries {string.Join(", ", boundaries)}");

        /// <summary>Binds the policy to the groups, leaving its other bindings as they are.</summary>
        internal async Task BindAsync(PolicyLevel level, string policyUuid, IReadOnlyCollection<string> groupUuids, IReadOnlyCollection<string> boundaries,
            CancellationToken ct)
        {
            var body = new JsonObject
            {
                ["groups"] = new JsonArray(groupUuids.Select(g => (JsonNode)g).ToArray()),
                ["boundaries"] = new JsonArray(boundaries.Select(b => (JsonNode)b).ToArray()),
            };
            await _api.SendAsync("Bind policy to groups", HttpMethod.Post, $"{level.RepoPath}/bindings/{Uri.EscapeDataString(policyUuid)}", body, ct)
                .ConfigureAwait(false);
            _log.Verbose($"Bound policy {policyUuid} to {string.Join(", ", groupUuids)} at {level}.");
        }

        /// <summary>The group ends up bound to exactly these policies at the level.</summary>
        private async Task ReplaceForGroupAsync(PolicyLevel level, string groupUuid, IReadOnlyCollection<string> policyUuids, CancellationToken ct)
        {
            var body = new JsonObject { ["policyUuids"] = new JsonArray(policyUuids.Select(p => (JsonNode)p).ToArray()) };
            await _api.SendAsync("Replace the policies of a group", HttpMethod.Put, GroupPath(level, groupUuid), body, ct).ConfigureAwait(false);
            _log.Verbose($"Group {groupUuid} is now bound to {policyUuids.Count} policies at {level}.");
        }

        /// <summary>Unbinds; a binding already gone (a retried DELETE whose answer was lost) counts as unbound.</summary>
        private async Task RemoveAsync(PolicyLevel level, string policyUuid, string groupUuid, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Unbind policy from group", HttpMethod.Delete,
                    $"{level.RepoPath}/bindings/{Uri.EscapeDataString(policyUuid)}/{Uri.EscapeDataString(groupUuid)}?forceMultiple=false", null, ct)
                    .ConfigureAwait(false);
                _log.Verbose($"Unbound policy {policyUuid} from group {groupUuid} at {level}.");
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                _log.Verbose($"Policy {policyUuid} was not bound to group {groupUuid} at {level}; nothing to unbind.");
            }
        }

        private async Task<HashSet<string>> GroupsOfAsync(PolicyLevel level, IamReference policy, CancellationToken ct) =>
            new HashSet<string>((await ListAsync(level, policy.Uuid, ct).ConfigureAwait(false)).Select(b => b.GroupUuid), StringComparer.OrdinalIgnoreCase);

        /// <summary>Policy UUIDs, each with its name where the targets know it.</summary>
        private static string Named(IReadOnlyList<string> uuids, IReadOnlyList<IamReference> known) => uuids.Count == 0
            ? "none"
            : string.Join(", ", uuids.Select(u => (object?)known.FirstOrDefault(k => string.Equals(k.Uuid, u, StringComparison.OrdinalIgnoreCase)) ?? u));

        private static string GroupPath(PolicyLevel level, string groupUuid) => $"{level.RepoPath}/bindings/groups/{Uri.EscapeDataString(groupUuid)}";
    }
}
