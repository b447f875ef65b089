using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>
    /// The engine of Sync-DtAwsOrganization: compares a Dynatrace environment with the organization,
    /// onboards the members that have no monitoring configuration through
    /// <see cref="AccountRegistration"/> (and re-checks the onboarded ones when the run names regions
    /// or feature sets, so drift converges), and reports the departed accounts or offboards them
    /// through <see cref="AccountRemoval"/>. Every account's writes are planned and approved as those
    /// engines do it. Accounts in sync cost no call of their own, so a rerun with nothing changed only reads.
    /// </summary>
    public sealed class OrganizationSync
    {
        private readonly DynatraceEnvironment _environment;
        private readonly RegistrationOptions _options;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;

        /// <summary>The warning, once per run, that these onboarded accounts left the organization.</summary>
        public static string DepartedWarning(IReadOnlyCollection<string> accounts) =>
            $"{AccountList.Named(accounts)} onboarded in Dynatrace are no longer in the organization; -RemoveDeparted offboards them.";

        /// <param name="options">The onboarding settings; RoleName, PolicyNamePrefix and Aws also serve offboarding.</param>
        private AccountRegistration? _registration;

        /// <summary>The accounts whose onboarding writes are under way (see <see cref="AccountRegistration.Writing"/>).</summary>
        public IReadOnlyCollection<string> Writing => _registration?.Writing ?? Array.Empty<string>();

        public OrganizationSync(DynatraceEnvironment environment, RegistrationOptions options, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _options = options;
            _log = RedactingLog.Wrap(log);
            _retry = retry ?? RetryPolicy.Default;
        }

        /// <summary>
        /// Lists the query's members (the scope to keep onboarded) and every member of the
        /// organization in the query's states (onboarded accounts outside those have departed), and
        /// compares them with the environment. Excluded accounts are neither onboarded nor offboarded.
        /// </summary>
        public async Task<OrganizationComparison> CompareAsync(OrganizationsClient organization, OrganizationAccountQuery query, ConnectionNameTemplate names,
            CancellationToken ct)
        {
            // The management account has no OrganizationAccountAccessRole; it is reached with the caller's own
            // credentials, which are in it when Sync runs from it (AwsAccountAccess).
            var wanted = (await new OrganizationAccounts(organization, _log).ListAsync(query, ct).ConfigureAwait(false)).ToArray();
            var states = new HashSet<string>(query.Status, StringComparer.OrdinalIgnoreCase);
            var members = new HashSet<string>((await organization.ListAccountsAsync(ct).ConfigureAwait(false))
                .Where(a => states.Count == 0 || states.Contains(a.Status)).Select(a => a.AccountId), StringComparer.Ordinal);
            var excluded = new HashSet<string>(query.Exclude.Select(id => id.Trim()), StringComparer.Ordinal);

            var configurations = await new MonitoringConfigurations(_environment, _log, _retry).ListAsync(ct).ConfigureAwait(false);
            var connections = await new AwsConnections(_environment, _log, _retry).ListAsync(ct).ConfigureAwait(false);
            var configurationOf = configurations.GroupBy(c => c.AccountId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var connectionOf = connections.Where(c => c.AccountId != null).GroupBy(c => c.AccountId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().ConnectionName, StringComparer.Ordinal);
            var connectionNameById = connections.ToDictionary(c => c.ConnectionId, c => c.ConnectionName, StringComparer.Ordinal);

            var configured = wanted.Where(a => configurationOf.ContainsKey(a.AccountId))
                .Select(a => new MemberConnection(a, connectionNameById.TryGetValue(configurationOf[a.AccountId].ConnectionId, out var name) ? name : ""))
                .ToArray();

            // A half-onboarded account keeps the connection it has, whatever the template says now.
            var proposed = wanted.Where(a => !configurationOf.ContainsKey(a.AccountId))
                .Select(a => (Account: a, Name: ConnectionOf(a.AccountId) ?? names.NameFor(a))).ToArray();
            // A connection without a role ARN belongs to no account yet: most likely one this sync made
            // before it failed at the role. Its name stays free for the account the template gives it
            // to, so the run finishes that connection instead of making a second one beside it.
            var taken = new HashSet<string>(connections.Where(c => c.AccountId != null).Select(c => c.ConnectionName), StringComparer.Ordinal);
            var clashing = new HashSet<string>(proposed.GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
            var onboarding = proposed.Select(p => new MemberConnection(p.Account,
                clashing.Contains(p.Name) || (taken.Contains(p.Name) && ConnectionOf(p.Account.AccountId) != p.Name)
                    ? ConnectionNameTemplate.WithAccountId(p.Name, p.Account)
                    : p.Name)).ToArray();

            var departed = configurationOf.Keys.Union(connectionOf.Keys)
                .Where(id => !members.Contains(id) && !excluded.Contains(id))
                .OrderBy(id => id, StringComparer.Ordinal)
                .Select(id => new DepartedAccount(id, ConnectionOf(id)))
                .ToArray();

            _log.Verbose($"Compared with the organization: {configured.Length} onboarded, {onboarding.Length} to onboard, {departed.Length} departed.");
            return new OrganizationComparison(configured, onboarding, departed);

            string? ConnectionOf(string accountId) => connectionOf.TryGetValue(accountId, out var name) ? name : null;
        }

        /// <summary>
        /// Onboards the members without a configuration; when the run names regions or feature
        /// sets, the onboarded members too, so that they converge to them (without, they are in sync
        /// at no call). Reports the departed accounts, or offboards them. Each account yields exactly one result.
        /// </summary>
        /// <param name="removeDeparted">Offboard the departed accounts; without it they are only reported.</param>
        /// <param name="keepRole">Offboard only the Dynatrace side, leaving the role and policies in AWS.</param>
        /// <param name="approveOnboarding">Asked once per member whose plan has changes.</param>
        /// <param name="approveOffboarding">Asked once per departed account whose plan has changes.</param>
        /// <param name="finished">Hears of each account as soon as it ends, from any thread.</param>
        public async Task RunAsync(OrganizationComparison comparison, bool removeDeparted, bool keepRole,
            Func<Plan<AccountResult>, Task<Approval>> approveOnboarding, Func<Plan<RemovalResult>, Task<Approval>> approveOffboarding,
            Action<SyncResult> finished, CancellationToken ct)
        {
            var converge = InputRules.SplitList(_options.Region).Count > 0 || InputRules.SplitList(_options.FeatureSet).Count > 0;
            if (!converge)
                foreach (var member in comparison.Configured)
                    finished(new SyncResult
                    {
                        AccountId = member.Account.AccountId,
                        AccountName = member.Account.Name,
                        ConnectionName = member.ConnectionName,
                        OrganizationalUnitPath = member.Account.OrganizationalUnitPath,
                        Status = SyncStatus.InSync,
                    });

            await OnboardAsync(converge ? comparison.ToOnboard.Concat(comparison.Configured).ToArray() : comparison.ToOnboard,
                approveOnboarding, finished, ct).ConfigureAwait(false);

            var removal = new AccountRemoval(_environment, _log, _retry);
            foreach (var departed in comparison.Departed)
            {
                var result = new SyncResult { AccountId = departed.AccountId, ConnectionName = departed.ConnectionName ?? "", Status = SyncStatus.Departed };
                if (removeDeparted)
                {
                    var request = new RemovalRequest
                    {
                        AccountId = departed.AccountId,
                        ConnectionName = departed.ConnectionName,
                        Aws = keepRole ? null : _options.Aws,
                        RoleName = _options.RoleName,
                        PolicyNamePrefix = _options.PolicyNamePrefix,
                    };
                    Offboarded(await removal.RemoveAsync(request, approveOffboarding, ct).ConfigureAwait(false), result);
                }
                finished(result);
            }
        }

        private async Task OnboardAsync(IReadOnlyList<MemberConnection> members, Func<Plan<AccountResult>, Task<Approval>> approve,
            Action<SyncResult> finished, CancellationToken ct)
        {
            if (members.Count == 0) return;
            var byId = members.ToDictionary(p => p.Account.AccountId, StringComparer.Ordinal);
            var requests = members.Select(p => new AccountRequest
            {
                AccountId = p.Account.AccountId,
                Name = p.ConnectionName,
                Source = p.Account.OrganizationalUnitPath,
            }).ToArray();
            var registration = _registration = new AccountRegistration(_environment, _options, _log, _retry);
            await registration.RunAsync(requests, approve, onboarded =>
            {
                var member = byId[onboarded.AccountId];
                finished(new SyncResult
                {
                    AccountId = onboarded.AccountId,
                    AccountName = member.Account.Name,
                    ConnectionName = member.ConnectionName,
                    OrganizationalUnitPath = member.Account.OrganizationalUnitPath,
                    Status = onboarded.Status switch
                    {
                        AccountStatus.Failed => SyncStatus.Failed,
                        AccountStatus.Planned => SyncStatus.Planned,
                        AccountStatus.Skipped => SyncStatus.Skipped,
                        AccountStatus.Unchanged => SyncStatus.InSync,
                        _ => SyncStatus.Onboarded,
                    },
                    Step = onboarded.Step,
                    Error = onboarded.Error,
                    ErrorId = onboarded.ErrorId,
                    Changes = onboarded.Changes,
                    DurationSeconds = onboarded.DurationSeconds,
                    Exception = onboarded.GetException(),
                });
            }, ct).ConfigureAwait(false);
        }

        private static void Offboarded(RemovalResult removed, SyncResult result)
        {
            result.Status = removed.Status switch
            {
                RemovalStatus.Failed => SyncStatus.Failed,
                RemovalStatus.Planned => SyncStatus.Planned,
                RemovalStatus.Skipped => SyncStatus.Skipped,
                _ => SyncStatus.Offboarded,
            };
            result.Step = removed.Step;
            result.Error = removed.Error;
            result.ErrorId = removed.ErrorId;
            result.Exception = removed.GetException();
            result.Changes = removed.Changes;
            result.Leftovers = removed.Leftovers;
            result.DurationSeconds = removed.DurationSeconds;
        }
    }
}
