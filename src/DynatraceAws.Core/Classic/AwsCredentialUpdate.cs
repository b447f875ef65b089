using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Classic
{
    /// <summary>AWS credentials as read, what a change makes of them, and what differs, in words for -WhatIf.</summary>
    public sealed class AwsCredentialUpdate
    {
        internal AwsCredentialUpdate(AwsCredential current, AwsCredentialSpec spec)
        {
            Current = current;
            Spec = spec;
            Changes = Differences(AwsCredentialSpec.From(current), spec);
        }

        public AwsCredential Current { get; }

        internal AwsCredentialSpec Spec { get; }

        /// <summary>Empty when the credentials already are as asked.</summary>
        public IReadOnlyList<string> Changes { get; }

        public bool Changed => Changes.Count > 0;

        private static IReadOnlyList<string> Differences(AwsCredentialSpec current, AwsCredentialSpec wanted)
        {
            var changes = new List<string>();
            if (wanted.Label != current.Label) changes.Add($"label '{wanted.Label}'");
            if (wanted.AccountId != current.AccountId) changes.Add($"account {wanted.AccountId}");
            if (wanted.RoleName != current.RoleName) changes.Add($"role {wanted.RoleName}");
            if (wanted.PartitionType != current.PartitionType) changes.Add($"partition {wanted.PartitionType}");
            if (wanted.TaggedOnly != current.TaggedOnly) changes.Add(wanted.TaggedOnly ? "tagged resources only" : "all resources");
            if (!SameTags(wanted.TagsToMonitor, current.TagsToMonitor))
                changes.Add("tags " + (wanted.TagsToMonitor.Count == 0 ? "none" : string.Join(", ", wanted.TagsToMonitor.Select(t => $"{t.Key}={t.Value}"))));
            // The secret key cannot be read back: a given one is always written.
            if (wanted.AccessKey != current.AccessKey || wanted.SecretKey != null) changes.Add("access keys");
            return changes;
        }

        private static bool SameTags(IDictionary<string, string> a, IDictionary<string, string> b) =>
            a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var value) && value == t.Value);
    }
}
