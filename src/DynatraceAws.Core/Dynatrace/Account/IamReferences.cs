using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Turns the policy and group names a user types into UUIDs; UUIDs pass as they are.</summary>
    public sealed class IamReferences
    {
        private readonly IamPolicies _policies;
        private readonly IamGroups _groups;

        public IamReferences(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _policies = new IamPolicies(account, log, retry);
            _groups = new IamGroups(account, log, retry);
        }

        /// <summary>Policies usable at the level by exact name (the level's own first, then inherited and global ones).</summary>
        public async Task<IReadOnlyList<string>> PolicyUuidsAsync(PolicyLevel level, IReadOnlyCollection<string> names,
            IReadOnlyCollection<string> uuids, CancellationToken ct)
        {
            if (names.Count == 0) return uuids.ToArray();
            var usable = (await _policies.ListAllAsync(level, ct).ConfigureAwait(false))
                .OrderBy(p => p.LevelType == level.Type && p.LevelId == level.Id ? 0 : 1).ToArray();
            return names.Select(name => usable.FirstOrDefault(p => p.Name == name)?.Uuid ?? throw PolicyErrors.NotFoundByName(name, level))
                .Concat(uuids).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        public async Task<IReadOnlyList<string>> GroupUuidsAsync(IReadOnlyCollection<string> names, IReadOnlyCollection<string> uuids, CancellationToken ct)
        {
            if (names.Count == 0) return uuids.ToArray();
            var groups = await _groups.ListAsync(ct).ConfigureAwait(false);
            return names.Select(name => groups.FirstOrDefault(g => g.Name == name)?.Uuid ?? throw GroupNotFound(name))
                .Concat(uuids).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        public static DynatraceAwsException GroupNotFound(string name) => new DynatraceAwsException("GroupNotFound", FailureCategory.ObjectNotFound,
            $"The account has no group named '{name}'.", "Check the name with Get-DtIamGroup, or create the group with New-DtIamGroup.");
    }
}
