using System.Collections.Generic;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The IAM monitoring role of one account, and what a run changed to get it right.</summary>
    public sealed class MonitoringRole : PlanResult
    {
        public MonitoringRole(string accountId, string roleName, string roleArn, string connectionId, IReadOnlyList<string> policyArn)
        {
            AccountId = accountId;
            RoleName = roleName;
            RoleArn = roleArn;
            ConnectionId = connectionId;
            PolicyArn = new ReportList<string>(policyArn);
        }

        public string AccountId { get; }
        public string RoleName { get; }
        public string RoleArn { get; }
        public string ConnectionId { get; }
        public ReportList<string> PolicyArn { get; }

        public override string ToString() => RoleArn;
    }
}
