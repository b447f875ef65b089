using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Aws.Organizations;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>
    /// How a Dynatrace environment compares with the organization, as read: the members onboarded,
    /// those not yet, the accounts that left. What a sync writes for each is planned per account.
    /// </summary>
    public sealed class OrganizationComparison
    {
        internal OrganizationComparison(IReadOnlyList<MemberConnection> configured, IReadOnlyList<MemberConnection> toOnboard, IReadOnlyList<DepartedAccount> departed)
        {
            Configured = configured;
            ToOnboard = toOnboard;
            Departed = departed;
        }

        /// <summary>Members of the scope with a monitoring configuration already.</summary>
        public IReadOnlyList<MemberConnection> Configured { get; }

        /// <summary>Members of the scope without a monitoring configuration.</summary>
        public IReadOnlyList<MemberConnection> ToOnboard { get; }

        /// <summary>Accounts onboarded in Dynatrace that are no longer members of the organization.</summary>
        public IReadOnlyList<DepartedAccount> Departed { get; }

        /// <summary>
        /// This comparison without the departed accounts already dealt with: they are the organization's, not
        /// the OU's, so a command that syncs several OUs reports and offboards each of them once.
        /// </summary>
        public OrganizationComparison WithoutDeparted(ICollection<string> accountIds) =>
            new OrganizationComparison(Configured, ToOnboard, Departed.Where(d => !accountIds.Contains(d.AccountId)).ToArray());
    }

    /// <summary>A member account and the name of its connection: the existing one, or the one it gets.</summary>
    public sealed class MemberConnection
    {
        internal MemberConnection(OrganizationAccount account, string connectionName)
        {
            Account = account;
            ConnectionName = connectionName;
        }

        public OrganizationAccount Account { get; }
        public string ConnectionName { get; }
    }

    public sealed class DepartedAccount
    {
        internal DepartedAccount(string accountId, string? connectionName)
        {
            AccountId = accountId;
            ConnectionName = connectionName;
        }

        public string AccountId { get; }

        /// <summary>The name of its connection, when it has one.</summary>
        public string? ConnectionName { get; }
    }
}
