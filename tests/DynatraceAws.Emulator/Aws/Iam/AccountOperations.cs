using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>GetAccountSummary: the usage and quotas of the entities emulated here.</summary>
internal static class AccountOperations
{
    public static IReadOnlyList<XElement> GetAccountSummary(AwsCall call)
    {
        var account = call.Account;
        var entries = new Dictionary<string, int>
        {
            ["Roles"] = account.Roles.Count,
            ["RolesQuota"] = IamQuotas.Roles,
            ["Policies"] = account.Policies.Count,
            ["PoliciesQuota"] = IamQuotas.Policies,
            ["PolicyVersionsInUse"] = account.Policies.Sum(p => p.Versions.Count),
            ["PolicySizeQuota"] = IamQuotas.PolicySize,
            ["AssumeRolePolicySizeQuota"] = IamQuotas.AssumeRolePolicySize,
            ["AttachedPoliciesPerRoleQuota"] = IamQuotas.AttachedPoliciesPerRole,
            ["VersionsPerPolicyQuota"] = IamQuotas.VersionsPerPolicy,
        };
        return [new XElement("SummaryMap", entries.Select(e => new XElement("entry", new XElement("key", e.Key), new XElement("value", e.Value))))];
    }
}
