using System;
using System.Collections.Generic;

namespace DynatraceAws.Core.Aws.Iam
{
    public sealed class CreateRoleRequest
    {
        public CreateRoleRequest(string roleName, string assumeRolePolicyDocument, string? path = null,
            string? description = null, string? permissionsBoundaryArn = null, IReadOnlyList<IamTag>? tags = null)
        {
            if (string.IsNullOrEmpty(roleName)) throw new ArgumentException("The role name is empty.", nameof(roleName));
            if (string.IsNullOrEmpty(assumeRolePolicyDocument))
                throw new ArgumentException("The trust policy document is empty.", nameof(assumeRolePolicyDocument));
            RoleName = roleName;
            AssumeRolePolicyDocument = assumeRolePolicyDocument;
            Path = path;
            Description = description;
            PermissionsBoundaryArn = permissionsBoundaryArn;
            Tags = tags ?? Array.Empty<IamTag>();
        }

        public string RoleName { get; }
        public string AssumeRolePolicyDocument { get; }

        /// <summary>IAM uses "/" when absent.</summary>
        public string? Path { get; }

        public string? Description { get; }
        public string? PermissionsBoundaryArn { get; }
        public IReadOnlyList<IamTag> Tags { get; }
    }
}
