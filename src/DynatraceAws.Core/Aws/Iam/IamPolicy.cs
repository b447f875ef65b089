using System;
using System.Collections.Generic;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>A customer-managed policy (without its document: see <see cref="IamPolicyVersion"/>).</summary>
    public sealed class IamPolicy
    {
        public IamPolicy(string policyName, string policyId, string arn, string path, string defaultVersionId,
            int attachmentCount, string? description, DateTimeOffset createDate, DateTimeOffset? updateDate,
            IReadOnlyList<IamTag> tags)
        {
            PolicyName = policyName;
            PolicyId = policyId;
            Arn = arn;
            Path = path;
            DefaultVersionId = defaultVersionId;
            AttachmentCount = attachmentCount;
            Description = description;
            CreateDate = createDate;
            UpdateDate = updateDate;
            Tags = tags;
        }

        public string PolicyName { get; }
        public string PolicyId { get; }
        public string Arn { get; }
        public string Path { get; }
        public string DefaultVersionId { get; }
        public int AttachmentCount { get; }

        /// <summary>Set only at creation; IAM returns it from GetPolicy, not from CreatePolicy.</summary>
        public string? Description { get; }

        public DateTimeOffset CreateDate { get; }
        public DateTimeOffset? UpdateDate { get; }
        public IReadOnlyList<IamTag> Tags { get; }

        public override string ToString() => Arn;
    }
}
