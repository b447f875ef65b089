using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Turns the policy and group names a user types into UUIDs; UUIDs pass as they are. Blank values (empty CSV cells) are ignored.</summary>
    public sealed class IamReferences
    {
        private readonly IamPolicies _policies;
        private readonly IamGroups _groups;

        public IamReferences(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _policies = new IamPolicies(account, log, retry);
            _groups = new IamGroups(account, log, retry);
        }

        /// <summary>
        /// Policies usable at the level by exact name (the level's own first, then inherited and global
        /// ones) or UUID, and groups by exact name or UUID. At least one of each, checked before any call.
        /// </summary>
        public async Task<BindingTargets> ResolveAsync(PolicyLevel level, IEnumerable<string?> policyNames, IEnumerable<string?> policyUuids,
            IEnumerable<string?> groupNames, IEnumerable<string?> groupUuids, CancellationToken ct)
        {
            var policyNameList = Given(policyNames);
            var policyUuidList = Given(policyUuids);
            var groupNameList = Given(groupNames);
            var groupUuidList = Given(groupUuids);
            if (policyNameList.Count + policyUuidList.Count == 0)
                throw new InvalidInputException("MissingPolicy", "PolicyName", null, "and PolicyUuid are both empty",
                    "Name at least one policy with -PolicyName or -PolicyUuid (a PolicyName or PolicyUuid column).");
            if (groupNameList.Count + groupUuidList.Count == 0)
                throw new InvalidInputException("MissingGroup", "GroupName", null, "and GroupUuid are both empty",
                    "Name at least one group with -GroupName or -GroupUuid (a GroupName or GroupUuid column).");
            var policies = await PoliciesAsync(level, policyNameList, policyUuidList, ct).ConfigureAwait(false);
            var groups = await GroupsAsync(groupNameList, groupUuidList, ct).ConfigureAwait(false);
            return new BindingTargets(policies, groups);
        }

        private async Task<IReadOnlyList<IamReference>> PoliciesAsync(PolicyLevel level, IReadOnlyList<string> names, IReadOnlyList<string> uuids,
            CancellationToken ct)
        {
            if (names.Count == 0) return Unique(uuids.Select(u => new IamReference(u, null)));
            var usable = (await _policies.ListAllAsync(level, ct).ConfigureAwait(false))
                .OrderBy(p => p.LevelType == level.Type && p.LevelId == level.Id ? 0 : 1).ToArray();
            return Unique(names.Select(name => usable.FirstOrDefault(p => p.Name == name) ?? throw PolicyErrors.NotFoundByName(name, level))
                .Select(p => new IamReference(p.Uuid, p.Name))
                .Concat(uuids.Select(u => new IamReference(u, usable.FirstOrDefault(p => SameUuid(p.Uuid, u))?.Name))));
        }

        private async Task<IReadOnlyList<IamReference>> GroupsAsync(IReadOnlyList<string> names, IReadOnlyList<string> uuids, CancellationToken ct)
        {
            if (names.Count == 0) return Unique(uuids.Select(u => new IamReference(u, null)));
            var groups = await _groups.ListAsync(ct).ConfigureAwait(false);
            return Unique(names.Select(name => groups.FirstOrDefault(g => g.Name == name) ?? throw GroupNotFound(name))
                .Select(g => new IamReference(g.Uuid, g.Name))
                .Concat(uuids.Select(u => new IamReference(u, groups.FirstOrDefault(g => SameUuid(g.Uuid, u))?.Name))));
        }

        public static DynatraceAwsException GroupNotFound(string name) => new DynatraceAwsException("GroupNotFound", FailureCategory.ObjectNotFound,
            $"The account has no group named '{name}'.", "Check the name with Get-DtIamGroup, or create the group with New-DtIamGroup.");

        private static IReadOnlyList<string> Given(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();

        private static IReadOnlyList<IamReference> Unique(IEnumerable<IamReference> references) =>
            references.GroupBy(r => r.Uuid, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();

        private static bool SameUuid(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }
}
