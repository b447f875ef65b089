using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// An AWS connection of a Dynatrace environment (a settings object of schema
    /// builtin:hyperscaler-authentication.connections.aws). Its ConnectionId is the external id the
    /// IAM role must require.
    /// </summary>
    public sealed class AwsConnection : PlanResult
    {
        public AwsConnection(string connectionId, string connectionName, string? accountId, string roleArn, string type,
            string? consumer, string environmentId, string environmentUrl)
        {
            ConnectionId = connectionId;
            ConnectionName = connectionName;
            AccountId = accountId;
            RoleArn = roleArn;
            Type = type;
            Consumer = consumer;
            EnvironmentId = environmentId;
            EnvironmentUrl = environmentUrl;
        }

        public string ConnectionId { get; }
        public string ConnectionName { get; }

        /// <summary>The AWS account: from the role ARN once set, else as given when the connection was made.</summary>
        public string? AccountId { get; }

        /// <summary>Empty until the monitoring role's ARN is written.</summary>
        public string RoleArn { get; }

        public string Type { get; }
        public string? Consumer { get; }
        public string EnvironmentId { get; }
        public string EnvironmentUrl { get; }

        public override string ToString() => ConnectionName;

        /// <summary>A connection found by name must not already monitor another account.</summary>
        internal AwsConnection RequireAccount(string accountId)
        {
            if (AccountId != null && AccountId != accountId)
                throw new DynatraceAwsException("ConnectionNameInUse", FailureCategory.ResourceExists,
                    $"The AWS connection '{ConnectionName}' already monitors account {AccountId}, not {accountId}.",
                    "Give this account another connection name.");
            return this;
        }
    }
}
