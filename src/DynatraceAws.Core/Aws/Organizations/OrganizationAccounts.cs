using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>
    /// Lists member accounts by walking the organization's tree (roots, then OUs), so each account
    /// comes with the path of names it sits under.
    /// </summary>
    public sealed class OrganizationAccounts
    {
        private static readonly Regex ParentIdShape = new Regex(@"^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");

        private readonly OrganizationsClient _client;
        private readonly ICoreLog _log;

        public OrganizationAccounts(OrganizationsClient client, ICoreLog? log = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _log = RedactingLog.Wrap(log);
        }

        public async Task<IReadOnlyList<OrganizationAccount>> ListAsync(OrganizationAccountQuery query, CancellationToken ct)
        {
            var excluded = new HashSet<string>(query.Exclude.Select(id => InputRules.AccountId(id, "Exclude")), StringComparer.Ordinal);
            var states = new HashSet<string>(query.Status, StringComparer.OrdinalIgnoreCase);
            var found = new List<OrganizationAccount>();
            foreach (var (start, path) in await StartsAsync(query.OrganizationalUnitId, ct).ConfigureAwait(false))
                await CollectAsync(start, path, query.OrganizationalUnitId is null || query.Recurse, found, ct).ConfigureAwait(false);
            return found.Where(a => !excluded.Contains(a.AccountId) && (states.Count == 0 || states.Contains(a.Status)))
                .OrderBy(a => a.OrganizationalUnitPath, StringComparer.Ordinal).ThenBy(a => a.AccountId, StringComparer.Ordinal)
                .ToArray();
        }

        private async Task CollectAsync(OrganizationalUnit parent, string path, bool recurse, List<OrganizationAccount> found, CancellationToken ct)
        {
            _log.Verbose($"Listing the accounts of {path} ({parent.Id}).");
            found.AddRange((await _client.ListAccountsForParentAsync(parent.Id, ct).ConfigureAwait(false)).Select(a => a.In(parent, path)));
            if (!recurse) return;
            foreach (var child in await _client.ListOrganizationalUnitsForParentAsync(parent.Id, ct).ConfigureAwait(false))
                await CollectAsync(child, path + "/" + child.Name, recurse: true, found, ct).ConfigureAwait(false);
        }

        /// <summary>The roots, or the one root or OU asked for with its path, found by walking down from the roots.</summary>
        private async Task<IReadOnlyList<(OrganizationalUnit Unit, string Path)>> StartsAsync(string? unitId, CancellationToken ct)
        {
            var roots = (await _client.ListRootsAsync(ct).ConfigureAwait(false)).Select(r => (r, r.Name)).ToList();
            if (unitId is null) return roots;
            if (!ParentIdShape.IsMatch(unitId))
                throw new InvalidInputException("InvalidOrganizationalUnitId", "OrganizationalUnitId", unitId,
                    "is not a root id (r-...) or an OU id (ou-...-...)", "Pass the id of an OU, e.g. ou-ab12-cdef3456.");

            var pending = new Queue<(OrganizationalUnit Unit, string Path)>(roots);
            while (pending.Count > 0)
            {
                var (unit, path) = pending.Dequeue();
                if (unit.Id == unitId) return new[] { (unit, path) };
                foreach (var child in await _client.ListOrganizationalUnitsForParentAsync(unit.Id, ct).ConfigureAwait(false))
                    pending.Enqueue((child, path + "/" + child.Name));
            }
            throw new DynatraceAwsException("OrganizationalUnitNotFound", FailureCategory.ObjectNotFound,
                $"The organization has no root or OU {unitId}.", "Check the id with 'aws organizations list-organizational-units-for-parent'.");
        }
    }
}
