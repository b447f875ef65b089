using System;
using System.Collections.Generic;

namespace DynatraceAws.Core.Aws.Iam
{
    public sealed class CreatePolicyRequest
    {
        public CreatePolicyRequest(string policyName, string policyDocument, string? path = null,
            string? description = null, IReadOnlyList<IamTag>? tags = null)
        {
            if (string.IsNullOrEmpty(policyName)) throw new ArgumentException("The policy name is empty.", nameof(policyName));
            if (string.IsNullOrEmpty(policyDocument)) throw new ArgumentException("The policy document is empty.", nameof(policyDocument));
            PolicyName = policyName;
            PolicyDocument = policyDocument;
            Path = path;
            Description = description;
            Tags = tags ?? Array.Empty<IamTag>();
        }

        public string PolicyName { get; }
        public string PolicyDocument { get; }

        /// <summary>IAM uses "/" when absent.</summary>
        public string? Path { get; }

        /// <summary>Cannot be changed after creation.</summary>
        public string? Description { get; }

        public IReadOnlyList<IamTag> Tags { get; }
    }
}
