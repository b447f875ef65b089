using System;
using System.Collections.Generic;

namespace DynatraceAws.Core.Aws.Iam
{
    public sealed class IamRole
    {
        public IamRole(string path, string roleName, string roleId, string arn, DateTimeOffset createDate,
            string? assumeRolePolicyDocument, string? description, int? maxSessionDuration,
            string? permissionsBoundaryArn, IReadOnlyList<IamTag> tags)
        {
            Path = path;
            RoleName = roleName;
            RoleId = roleId;
            Arn = arn;
            CreateDate = createDate;
            AssumeRolePolicyDocument = assumeRolePolicyDocument;
            Description = description;
            MaxSessionDuration = maxSessionDuration;
            PermissionsBoundaryArn = permissionsBoundaryArn;
            Tags = tags;
        }

        public string Path { get; }
        public string RoleName { get; }
        public string RoleId { get; }
        public string Arn { get; }
        public DateTimeOffset CreateDate { get; }

        /// <summary>The trust policy JSON, already URL-decoded.</summary>
        public string? AssumeRolePolicyDocument { get; }

        public string? Description { get; }
        public int? MaxSessionDuration { get; }
        public string? PermissionsBoundaryArn { get; }
        public IReadOnlyList<IamTag> Tags { get; }

        public override string ToString() => Arn;
    }
}
