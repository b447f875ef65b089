using System.Collections.Generic;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>IAM (API version 2010-05-08): the actions the module and the AWS CLI use against it.</summary>
internal static class IamService
{
    public static AwsService Definition { get; } = new("iam", "2010-05-08", AwsXml.IamNamespace, new Dictionary<string, AwsOperation>
    {
        ["CreatePolicy"] = PolicyOperations.CreatePolicy,
        ["GetPolicy"] = PolicyOperations.GetPolicy,
        ["ListPolicies"] = PolicyOperations.ListPolicies,
        ["DeletePolicy"] = PolicyOperations.DeletePolicy,
        ["CreatePolicyVersion"] = PolicyOperations.CreatePolicyVersion,
        ["GetPolicyVersion"] = PolicyOperations.GetPolicyVersion,
        ["ListPolicyVersions"] = PolicyOperations.ListPolicyVersions,
        ["DeletePolicyVersion"] = PolicyOperations.DeletePolicyVersion,
        ["CreateRole"] = RoleOperations.CreateRole,
        ["GetRole"] = RoleOperations.GetRole,
        ["ListRoles"] = RoleOperations.ListRoles,
        ["UpdateAssumeRolePolicy"] = RoleOperations.UpdateAssumeRolePolicy,
        ["TagRole"] = RoleOperations.TagRole,
        ["DeleteRole"] = RoleOperations.DeleteRole,
        ["AttachRolePolicy"] = AttachmentOperations.AttachRolePolicy,
        ["DetachRolePolicy"] = AttachmentOperations.DetachRolePolicy,
        ["ListAttachedRolePolicies"] = AttachmentOperations.ListAttachedRolePolicies,
        ["GetAccountSummary"] = AccountOperations.GetAccountSummary,
    });
}
