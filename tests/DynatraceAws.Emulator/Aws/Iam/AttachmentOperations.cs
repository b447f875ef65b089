using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>The IAM actions that attach managed policies to roles, detach them and list them.</summary>
internal static class AttachmentOperations
{
    public static IReadOnlyList<XElement> AttachRolePolicy(AwsCall call)
    {
        var role = RoleOperations.RoleNamed(call);
        var arn = call.Parameters.Required("PolicyArn", IamInput.Arn);
        role.Attach(call.Account.FindPolicy(arn) ?? throw AwsError.NoSuchEntity($"Policy {arn} does not exist or is not attachable."));
        return AwsService.NoOutput;
    }

    public static IReadOnlyList<XElement> DetachRolePolicy(AwsCall call)
    {
        var role = RoleOperations.RoleNamed(call);
        role.Detach(call.Account.Policy(call.Parameters.Required("PolicyArn", IamInput.Arn)));
        return AwsService.NoOutput;
    }

    public static IReadOnlyList<XElement> ListAttachedRolePolicies(AwsCall call)
    {
        var role = RoleOperations.RoleNamed(call);
        var pathPrefix = call.Parameters.Optional("PathPrefix", IamInput.PolicyPath) ?? "/";
        var attached = role.AttachedPolicies.Where(p => p.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToArray();
        return IamShapes.ListResult("AttachedPolicies", Paging.Of(attached, call.Parameters), IamShapes.AttachedPolicyMembers);
    }
}
