using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The IAM monitoring role of one account, and what a run had to do to get it right.</summary>
    public sealed class MonitoringRole
    {
        public MonitoringRole(string accountId, string roleName, string roleArn, string connectionId, IReadOnlyList<string> policyArn,
            IReadOnlyList<string> created, IReadOnlyList<string> updated, IReadOnlyList<string> unchanged)
        {
            AccountId = accountId;
            RoleName = roleName;
            RoleArn = roleArn;
            ConnectionId = connectionId;
            PolicyArn = policyArn;
            Created = created;
            Updated = updated;
            Unchanged = unchanged;
        }

        public string AccountId { get; }
        public string RoleName { get; }
        public string RoleArn { get; }
        public string ConnectionId { get; }
        public IReadOnlyList<string> PolicyArn { get; }

        /// <summary>What this run created, e.g. "policy DynatraceMonitoringPolicy", "role DynatraceMonitoringRole".</summary>
        public IReadOnlyList<string> Created { get; }

        /// <summary>What this run changed, as actions: "update policy X (new version)", "update trust policy", "attach X", "tag role with K".</summary>
        public IReadOnlyList<string> Updated { get; }

        public IReadOnlyList<string> Unchanged { get; }

        public bool Changed => Created.Count + Updated.Count > 0;

        public override string ToString() => RoleArn;
    }
}
