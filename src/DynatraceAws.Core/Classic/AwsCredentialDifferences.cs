using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Classic
{
    /// <summary>What differs between classic AWS credentials as read and as asked, field by field, in words.</summary>
    internal static class AwsCredentialDifferences
    {
        /// <summary>The role and account, or the access key: what the credentials monitor with.</summary>
        public const string Authentication = "authentication";

        /// <summary>A given secret key: it cannot be read back, so it always counts as a change.</summary>
        public const string SecretKey = "secret key";

        public static IReadOnlyList<(string Field, string Before, string After)> Of(AwsCredentialSpec current, AwsCredentialSpec wanted)
        {
            var fields = new List<(string, string, string)>();
            void Compare(string field, string before, string after)
            {
                if (before != after) fields.Add((field, before, after));
            }

            Compare("label", $"'{current.Label}'", $"'{wanted.Label}'");
            Compare("partition", current.PartitionType, wanted.PartitionType);
            Compare(Authentication, AuthenticationOf(current), AuthenticationOf(wanted));
            Compare("resources", current.TaggedOnly ? "tagged only" : "all", wanted.TaggedOnly ? "tagged only" : "all");
            Compare("tags", Tags(current), Tags(wanted));
            if (wanted.IsKeyBased && wanted.SecretKey != null) fields.Add((SecretKey, "(not readable)", "(given)"));
            return fields;
        }

        /// <summary>The one write of an update, each changed field before and after.</summary>
        public static PlannedChange Update(AwsCredential current, IReadOnlyList<(string Field, string Before, string After)> fields) =>
            new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Update, $"AWS credentials '{current.Label}' ({current.Id})",
                string.Join("; ", fields.Select(f => $"{f.Field} {f.Before}")), string.Join("; ", fields.Select(f => $"{f.Field} {f.After}")));

        /// <summary>The label is taken by credentials that differ from those asked for.</summary>
        public static DynatraceAwsException LabelTaken(AwsCredential existing, IReadOnlyList<(string Field, string Before, string After)> fields,
            string otherLabel) =>
            new DynatraceAwsException("CredentialLabelTaken", FailureCategory.ResourceExists,
                $"AWS credentials '{existing.Label}' ({existing.Id}) exist with {string.Join(", ", fields.Select(f => $"{f.Field} {f.Before}"))}, " +
                $"not {string.Join(", ", fields.Select(f => $"{f.Field} {f.After}"))}.",
                $"Change those credentials with Set-DtAwsCredential -Id {existing.Id}, or {otherLabel}.");

        public static string AuthenticationOf(AwsCredentialSpec spec) =>
            spec.IsKeyBased ? $"access key {spec.AccessKey}" : $"role {spec.RoleName} of account {spec.AccountId}";

        // Sorted, so that the same tags in another order read the same.
        private static string Tags(AwsCredentialSpec spec) => spec.TagsToMonitor.Count == 0
            ? "none"
            : string.Join(", ", spec.TagsToMonitor.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
    }
}
