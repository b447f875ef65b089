using System.Collections.Generic;

namespace DynatraceAws.Emulator.Aws;

/// <summary>
/// Member accounts whose OrganizationAccountAccessRole trusts a management account, as AWS
/// Organizations sets them up: made by the service, not by a caller of IAM.
/// </summary>
public static class OrganizationMembers
{
    public const string AccessRole = "OrganizationAccountAccessRole";

    public static void Add(EmulatorHost host, string managementAccountId, IEnumerable<string> members)
    {
        host.Aws.AddAccount(managementAccountId);
        var trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                    + managementAccountId + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        foreach (var member in members)
        {
            host.Aws.AddAccount(member);
            host.Aws.AddServiceRole(member, AccessRole, trust);
        }
    }
}
