using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>The IAM actions on roles, their trust policies and tags.</summary>
internal static class RoleOperations
{
    public static IReadOnlyList<XElement> CreateRole(AwsCall call)
    {
        var parameters = call.Parameters;
        var name = parameters.Required("RoleName", IamInput.RoleName);
        var path = parameters.Optional("Path", IamInput.RolePath) ?? "/";
        var trustPolicy = CheckedTrustPolicy(parameters, "AssumeRolePolicyDocument");
        var description = parameters.Optional("Description", IamInput.RoleDescription);
        var maxSessionDuration = parameters.OptionalInt("MaxSessionDuration", IamInput.SessionDuration.Min, IamInput.SessionDuration.Max)
            ?? IamInput.SessionDuration.Min;
        var boundaryArn = parameters.Optional("PermissionsBoundary", IamInput.Arn);
        var tags = TagRules.Read(parameters);

        var boundary = boundaryArn is null
            ? null
            : call.Account.FindPolicy(boundaryArn) ?? throw AwsError.NoSuchEntity($"Scope ARN: {boundaryArn} does not exist or is not attachable.");
        if (call.State.TakeInvalidPrincipalFault())
            throw AwsError.MalformedPolicyDocument($"Invalid principal in policy: {TrustPolicy.FirstPrincipal(trustPolicy)}");

        var role = new Role(call.Account.Id, name, path, trustPolicy, description, maxSessionDuration, boundary, tags, call.Now);
        call.Account.Add(role);
        return [IamShapes.Role(role)];
    }

    public static IReadOnlyList<XElement> GetRole(AwsCall call) => [IamShapes.Role(RoleNamed(call))];

    public static IReadOnlyList<XElement> ListRoles(AwsCall call)
    {
        var pathPrefix = call.Parameters.Optional("PathPrefix", IamInput.RolePathPrefix) ?? "/";
        var roles = call.Account.Roles.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToArray();
        return IamShapes.ListResult("Roles", Paging.Of(roles, call.Parameters), r => IamShapes.RoleMembers(r, listed: true));
    }

    public static IReadOnlyList<XElement> UpdateAssumeRolePolicy(AwsCall call)
    {
        var role = RoleNamed(call);
        role.ReplaceTrustPolicy(CheckedTrustPolicy(call.Parameters, "PolicyDocument"), call.Now);
        return AwsService.NoOutput;
    }

    public static IReadOnlyList<XElement> TagRole(AwsCall call)
    {
        var role = RoleNamed(call);
        var tags = TagRules.Read(call.Parameters);
        if (tags.Count == 0)
            throw AwsError.Validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        role.AddTags(tags);
        return AwsService.NoOutput;
    }

    public static IReadOnlyList<XElement> DeleteRole(AwsCall call)
    {
        call.Account.Remove(RoleNamed(call));
        return AwsService.NoOutput;
    }

    public static Role RoleNamed(AwsCall call) => call.Account.Role(call.Parameters.Required("RoleName", IamInput.RoleName));

    private static string CheckedTrustPolicy(QueryParameters parameters, string member)
    {
        var document = parameters.Required(member, IamInput.PolicyDocument);
        PolicyDocumentRules.CheckTrustPolicy(document);
        PolicyDocumentRules.CheckSize(document, "ACLSizePerRole", IamQuotas.AssumeRolePolicySize);
        return document;
    }
}
