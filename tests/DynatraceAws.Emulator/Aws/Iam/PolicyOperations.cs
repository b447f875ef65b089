using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>The IAM actions on customer-managed policies and their versions.</summary>
internal static class PolicyOperations
{
    public static IReadOnlyList<XElement> CreatePolicy(AwsCall call)
    {
        var parameters = call.Parameters;
        var name = parameters.Required("PolicyName", IamInput.PolicyName);
        var path = parameters.Optional("Path", IamInput.PolicyPath) ?? "/";
        var document = CheckedDocument(parameters);
        var description = parameters.Optional("Description", IamInput.PolicyDescription);
        var tags = TagRules.Read(parameters);

        var policy = new ManagedPolicy(call.Account.Id, name, path, description, tags, document, call.Now);
        call.Account.Add(policy);
        return [new XElement("Policy", IamShapes.PolicyMembers(policy, call.Account, withDescription: false, withTags: true))];
    }

    public static IReadOnlyList<XElement> GetPolicy(AwsCall call)
    {
        var policy = PolicyNamed(call);
        return [new XElement("Policy", IamShapes.PolicyMembers(policy, call.Account, withDescription: true, withTags: true))];
    }

    public static IReadOnlyList<XElement> ListPolicies(AwsCall call)
    {
        var parameters = call.Parameters;
        var scope = parameters.OptionalEnum("Scope", "All", "AWS", "Local") ?? "All";
        var onlyAttached = parameters.OptionalBool("OnlyAttached");
        var usage = parameters.OptionalEnum("PolicyUsageFilter", "PermissionsPolicy", "PermissionsBoundary");
        var pathPrefix = parameters.Optional("PathPrefix", IamInput.PolicyPath) ?? "/";
        var account = call.Account;

        // Only customer-managed policies exist here: Scope=AWS lists nothing.
        var policies = (scope == "AWS" ? Array.Empty<ManagedPolicy>() : account.Policies)
            .Where(p => p.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
            .Where(p => !onlyAttached || usage switch
            {
                "PermissionsPolicy" => account.AttachmentCount(p) > 0,
                "PermissionsBoundary" => account.BoundaryUsageCount(p) > 0,
                _ => account.AttachmentCount(p) + account.BoundaryUsageCount(p) > 0,
            })
            .ToArray();
        return IamShapes.ListResult("Policies", Paging.Of(policies, parameters),
            p => IamShapes.PolicyMembers(p, account, withDescription: false, withTags: false));
    }

    public static IReadOnlyList<XElement> DeletePolicy(AwsCall call)
    {
        call.Account.Remove(PolicyNamed(call));
        return AwsService.NoOutput;
    }

    public static IReadOnlyList<XElement> CreatePolicyVersion(AwsCall call)
    {
        var policy = PolicyNamed(call);
        var document = CheckedDocument(call.Parameters);
        var version = policy.AddVersion(document, call.Parameters.OptionalBool("SetAsDefault"), call.Now);
        return [new XElement("PolicyVersion", IamShapes.VersionMembers(policy, version, withDocument: false))];
    }

    public static IReadOnlyList<XElement> GetPolicyVersion(AwsCall call)
    {
        var policy = PolicyNamed(call);
        var version = policy.Version(call.Parameters.Required("VersionId", IamInput.VersionId));
        return [new XElement("PolicyVersion", IamShapes.VersionMembers(policy, version, withDocument: true))];
    }

    public static IReadOnlyList<XElement> ListPolicyVersions(AwsCall call)
    {
        var policy = PolicyNamed(call);
        return IamShapes.ListResult("Versions", Paging.Of(policy.Versions, call.Parameters),
            v => IamShapes.VersionMembers(policy, v, withDocument: false));
    }

    public static IReadOnlyList<XElement> DeletePolicyVersion(AwsCall call)
    {
        PolicyNamed(call).DeleteVersion(call.Parameters.Required("VersionId", IamInput.VersionId));
        return AwsService.NoOutput;
    }

    private static ManagedPolicy PolicyNamed(AwsCall call) => call.Account.Policy(call.Parameters.Required("PolicyArn", IamInput.Arn));

    private static string CheckedDocument(QueryParameters parameters)
    {
        var document = parameters.Required("PolicyDocument", IamInput.PolicyDocument);
        PolicyDocumentRules.CheckPermissionsPolicy(document);
        PolicyDocumentRules.CheckSize(document, "PolicySize", IamQuotas.PolicySize);
        return document;
    }
}
