using System;

namespace DynatraceAws.Core.Aws.Iam
{
    public sealed class IamPolicyVersion
    {
        public IamPolicyVersion(string versionId, bool isDefaultVersion, DateTimeOffset createDate, string? document)
        {
            VersionId = versionId;
            IsDefaultVersion = isDefaultVersion;
            CreateDate = createDate;
            Document = document;
        }

        public string VersionId { get; }
        public bool IsDefaultVersion { get; }
        public DateTimeOffset CreateDate { get; }

        /// <summary>The policy JSON, already URL-decoded; only GetPolicyVersion returns it.</summary>
        public string? Document { get; }

        public override string ToString() => VersionId + (IsDefaultVersion ? " (default)" : "");
    }
}
