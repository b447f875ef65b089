using System.Collections.Generic;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>What New-DtMonitoringRole makes in one AWS account, as seed 000's step 3 describes it.</summary>
    public sealed class MonitoringRoleSpec
    {
        public const string DefaultRoleName = "DynatraceMonitoringRole";
        public const string EnvironmentTagKey = "Dynatrace:EnvironmentID";

        public string AccountId { get; set; } = "";

        /// <summary>The AWS connection's objectId: the external id the role requires.</summary>
        public string ConnectionId { get; set; } = "";

        public string EnvironmentId { get; set; } = "";

        /// <summary>The Dynatrace AWS account allowed to assume the role.</summary>
        public string TrustedAccountId { get; set; } = TrustPolicy.ProductionAccount;

        public string RoleName { get; set; } = DefaultRoleName;
        public string RolePath { get; set; } = "/";
        public string? PermissionsBoundary { get; set; }

        /// <summary>Prepended to both policy names, for two Dynatrace environments watching one account.</summary>
        public string? PolicyNamePrefix { get; set; }

        /// <summary>Tags besides Dynatrace:EnvironmentID.</summary>
        public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Replace the trust policy of a role that trusts Dynatrace with another external id.</summary>
        public bool Force { get; set; }

        /// <summary>A role name as a CSV cell gives it: blank means the default, as it does for Register-DtAwsAccount.</summary>
        public static string NameOrDefault(string? roleName) => string.IsNullOrWhiteSpace(roleName) ? DefaultRoleName : roleName!.Trim();

        /// <summary>The role's name and the policy name prefix, as IAM will see them: what offboarding and the drift check need.</summary>
        public static void CheckNames(string? roleName, string? policyNamePrefix)
        {
            InputRules.IamName(roleName, "RoleName", 64);
            if (!string.IsNullOrEmpty(policyNamePrefix)) InputRules.IamName(policyNamePrefix + MonitoringPolicies.SecondName, "PolicyNamePrefix", 128);
        }

        /// <summary>Every rule IAM would apply to these values, checked before any call.</summary>
        public static void Validate(MonitoringRoleSpec spec)
        {
            CheckNames(spec.RoleName, spec.PolicyNamePrefix);
            InputRules.IamPath(spec.RolePath, "RolePath");
            if (!string.IsNullOrEmpty(spec.PermissionsBoundary)) InputRules.PolicyArn(spec.PermissionsBoundary, "PermissionsBoundary");
            InputRules.AccountId(spec.TrustedAccountId, "TrustedAccountId");
            InputRules.Tags(spec.Tags, reserved: EnvironmentTagKey);
        }
    }
}
