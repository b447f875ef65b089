using System.Collections.Generic;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The IAM monitoring role of one account, and what a run changed to get it right.</summary>
    public sealed class MonitoringRole
    {
        public MonitoringRole(string accountId, string roleName, string roleArn, string connectionId, IReadOnlyList<string> policyArn,
            IReadOnlyList<PlannedChange> changes)
        {
            AccountId = accountId;
            RoleName = roleName;
            RoleArn = roleArn;
            ConnectionId = connectionId;
            PolicyArn = policyArn;
            Changes = new ChangeList(changes);
        }

        public string AccountId { get; }
        public string RoleName { get; }
        public string RoleArn { get; }
        public string ConnectionId { get; }
        public IReadOnlyList<string> PolicyArn { get; }

        /// <summary>Whether this run wrote anything; false on a rerun that found everything in place.</summary>
        public bool Changed => Changes.Count > 0;

        /// <summary>What this run wrote.</summary>
        public ChangeList Changes { get; }

        public override string ToString() => RoleArn;
    }
}
