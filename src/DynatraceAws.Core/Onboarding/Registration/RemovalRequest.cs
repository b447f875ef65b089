using DynatraceAws.Core.Aws.Credentials;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>One account to offboard: a CSV row or a pipeline object, as given.</summary>
    public sealed class RemovalRequest
    {
        public string? AccountId { get; set; }

        /// <summary>
        /// A connection to remove besides those the account's configuration and role ARN name: one
        /// a run left without a role ARN. aws-{AccountId} when left out.
        /// </summary>
        public string? ConnectionName { get; set; }

        /// <summary>The credentials that reach the account; null leaves the AWS side as it is (-KeepRole).</summary>
        public AwsCredentialOptions? Aws { get; set; }

        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        public string? PolicyNamePrefix { get; set; }
    }
}
