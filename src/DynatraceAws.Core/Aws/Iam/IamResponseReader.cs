using System;
using System.Linq;
using System.Xml.Linq;
using static DynatraceAws.Core.Aws.Iam.IamXml;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>The IAM shapes the client returns, read from their XML elements.</summary>
    internal static class IamResponseReader
    {
        /// <summary>The &lt;{Action}Result&gt; element of a &lt;{Action}Response&gt;.</summary>
        public static XElement Result(string action, XElement root) =>
            Child(root, action + "Result")
            ?? throw new FormatException($"IAM {action} answered <{root.Name.LocalName}> without <{action}Result>.");

        public static void EnsureResponse(string action, XElement root)
        {
            if (root.Name.LocalName != action + "Response")
                throw new FormatException($"IAM {action} answered <{root.Name.LocalName}> instead of <{action}Response>.");
        }

        /// <summary>The marker of the next page, or null on the last page.</summary>
        public static string? NextMarker(string action, XElement result)
        {
            if (Text(result, "IsTruncated") != "true") return null;
            var marker = Text(result, "Marker");
            if (string.IsNullOrEmpty(marker))
                throw new FormatException($"IAM {action} said IsTruncated=true but gave no Marker.");
            return marker;
        }

        public static IamRole Role(XElement role) => new IamRole(
            RequiredText(role, "Path"),
            RequiredText(role, "RoleName"),
            RequiredText(role, "RoleId"),
            RequiredText(role, "Arn"),
            RequiredDate(role, "CreateDate"),
            UrlEncodedText(role, "AssumeRolePolicyDocument"),
            Text(role, "Description"),
            OptionalInt(role, "MaxSessionDuration"),
            Child(role, "PermissionsBoundary") is { } boundary ? RequiredText(boundary, "PermissionsBoundaryArn") : null,
            Tags(role));

        public static IamPolicy Policy(XElement policy) => new IamPolicy(
            RequiredText(policy, "PolicyName"),
            RequiredText(policy, "PolicyId"),
            RequiredText(policy, "Arn"),
            RequiredText(policy, "Path"),
            RequiredText(policy, "DefaultVersionId"),
            RequiredInt(policy, "AttachmentCount"),
            Text(policy, "Description"),
            RequiredDate(policy, "CreateDate"),
            OptionalDate(policy, "UpdateDate"),
            Tags(policy));

        public static IamPolicyVersion PolicyVersion(XElement version) => new IamPolicyVersion(
            RequiredText(version, "VersionId"),
            RequiredBool(version, "IsDefaultVersion"),
            RequiredDate(version, "CreateDate"),
            UrlEncodedText(version, "Document"));

        public static AttachedPolicy AttachedPolicy(XElement attached) =>
            new AttachedPolicy(RequiredText(attached, "PolicyName"), RequiredText(attached, "PolicyArn"));

        private static IamTag[] Tags(XElement owner) =>
            Members(owner, "Tags").Select(t => new IamTag(RequiredText(t, "Key"), RequiredText(t, "Value"))).ToArray();
    }
}
