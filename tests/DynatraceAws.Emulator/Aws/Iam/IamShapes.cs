using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>
/// The IAM output shapes as XML elements, with the optional members IAM leaves out when they are
/// empty, and policy documents percent-encoded as IAM returns them.
/// </summary>
internal static class IamShapes
{
    /// <summary>The Role of CreateRole and GetRole.</summary>
    public static XElement Role(Role role) => new("Role", RoleMembers(role, listed: false));

    /// <summary>A role's members; ListRoles leaves out tags and the permissions boundary.</summary>
    public static IEnumerable<XElement?> RoleMembers(Role role, bool listed) =>
    [
        new XElement("Path", role.Path),
        new XElement("RoleName", role.Name),
        new XElement("RoleId", role.Id),
        new XElement("Arn", role.Arn),
        new XElement("CreateDate", AwsXml.Timestamp(role.Created)),
        new XElement("AssumeRolePolicyDocument", Uri.EscapeDataString(role.TrustPolicy)),
        role.Description is null ? null : new XElement("Description", role.Description),
        new XElement("MaxSessionDuration", role.MaxSessionDuration),
        listed || role.PermissionsBoundary is null
            ? null
            : new XElement("PermissionsBoundary",
                new XElement("PermissionsBoundaryType", "PermissionsBoundaryPolicy"),
                new XElement("PermissionsBoundaryArn", role.PermissionsBoundary.Arn)),
        listed ? null : Tags(role.Tags),
    ];

    /// <summary>
    /// The Policy of CreatePolicy, GetPolicy and ListPolicies. Only GetPolicy returns the
    /// description; ListPolicies returns no tags.
    /// </summary>
    public static IEnumerable<XElement?> PolicyMembers(ManagedPolicy policy, IamAccount account, bool withDescription, bool withTags) =>
    [
        new XElement("PolicyName", policy.Name),
        new XElement("PolicyId", policy.Id),
        new XElement("Arn", policy.Arn),
        new XElement("Path", policy.Path),
        new XElement("DefaultVersionId", policy.DefaultVersion.Id),
        new XElement("AttachmentCount", account.AttachmentCount(policy)),
        new XElement("PermissionsBoundaryUsageCount", account.BoundaryUsageCount(policy)),
        new XElement("IsAttachable", true),
        withDescription && policy.Description is not null ? new XElement("Description", policy.Description) : null,
        new XElement("CreateDate", AwsXml.Timestamp(policy.Created)),
        new XElement("UpdateDate", AwsXml.Timestamp(policy.Updated)),
        withTags ? Tags(policy.Tags) : null,
    ];

    /// <summary>Only GetPolicyVersion returns the document.</summary>
    public static IEnumerable<XElement?> VersionMembers(ManagedPolicy policy, PolicyVersion version, bool withDocument) =>
    [
        withDocument ? new XElement("Document", Uri.EscapeDataString(version.Document)) : null,
        new XElement("VersionId", version.Id),
        new XElement("IsDefaultVersion", version == policy.DefaultVersion),
        new XElement("CreateDate", AwsXml.Timestamp(version.Created)),
    ];

    public static IEnumerable<XElement> AttachedPolicyMembers(ManagedPolicy policy) =>
        [new XElement("PolicyName", policy.Name), new XElement("PolicyArn", policy.Arn)];

    /// <summary>A list action's result: the page of members, IsTruncated, and Marker when there is a next page.</summary>
    public static IReadOnlyList<XElement> ListResult<T>(string listName, Page<T> page, Func<T, IEnumerable<XElement?>> members) =>
    [
        AwsXml.List(listName, page.Items.Select(members)),
        new XElement("IsTruncated", page.NextMarker is not null),
        .. page.NextMarker is null ? [] : new[] { new XElement("Marker", page.NextMarker) },
    ];

    private static XElement? Tags(IReadOnlyList<Tag> tags) =>
        tags.Count == 0 ? null : AwsXml.List("Tags", tags.Select(tag => new[] { new XElement("Key", tag.Key), new XElement("Value", tag.Value) }));
}
