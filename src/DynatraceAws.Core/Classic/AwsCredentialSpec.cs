using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Core.Classic
{
    /// <summary>
    /// AWS credentials to create or replace with the classic config v1 API: role-based unless an
    /// access key is given.
    /// </summary>
    public sealed class AwsCredentialSpec
    {
        public const string RoleBased = "ROLE";
        public const string KeyBased = "KEYS";
        public const int MaxTagsToMonitor = 10;

        public string Label { get; set; } = "";
        public string PartitionType { get; set; } = AwsPartitionTypes.Default;
        public string AccountId { get; set; } = "";
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;
        public string? AccessKey { get; set; }
        public SecureString? SecretKey { get; set; }
        public bool TaggedOnly { get; set; }
        public IDictionary<string, string> TagsToMonitor { get; set; } = new Dictionary<string, string>();

        public bool IsKeyBased => AccessKey != null || SecretKey != null;

        /// <summary>Read from the credentials and written back as read: a replace that left them out would reset them (docs/api-facts.md).</summary>
        internal bool? CredentialsEnabled { get; set; }

        internal bool? RunningOnDynatraceInfrastructure { get; set; }

        /// <summary>The rules the API states, checked before any request.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(Label))
                throw Invalid("MissingLabel", "Label", Label, "is empty", "Name the credentials with -Label.");
            InputRules.VisibleName(Label, "Label", "InvalidLabel");
            if (!AwsPartitionTypes.All.Contains(PartitionType))
                throw Invalid("InvalidPartitionType", "PartitionType", PartitionType, "is not a partition type",
                    "Use " + string.Join(", ", AwsPartitionTypes.All) + ".");
            if (TagsToMonitor.Count > MaxTagsToMonitor)
                throw Invalid("TooManyTags", "TagToMonitor", TagsToMonitor.Count.ToString(), $"tags are more than the {MaxTagsToMonitor} allowed",
                    $"Monitor at most {MaxTagsToMonitor} tags.");
            if (TagsToMonitor.Count > 0 && !TaggedOnly)
                throw Invalid("TagsWithoutTaggedOnly", "TagToMonitor", string.Join(",", TagsToMonitor.Keys), "applies only with -TaggedOnly",
                    "Add -TaggedOnly to monitor only resources with these tags.");
            if (!IsKeyBased)
            {
                InputRules.AccountId(AccountId);
                InputRules.IamName(RoleName, "RoleName", 64);
                return;
            }
            if (string.IsNullOrEmpty(AccessKey) || SecretKey is null || SecretKey.Length == 0)
                throw Invalid("MissingKeyPair", string.IsNullOrEmpty(AccessKey) ? "AccessKey" : "SecretKey", null, "is missing",
                    "Key-based credentials need both -AccessKey and -SecretKey; leave both out for a role.");
        }

        private static InvalidInputException Invalid(string errorId, string field, string? value, string problem, string fix) =>
            new InvalidInputException(errorId, field, value, problem, fix);

        internal static AwsCredentialSpec From(AwsCredential current) => new AwsCredentialSpec
        {
            Label = current.Label,
            PartitionType = current.PartitionType,
            AccountId = current.AccountId,
            RoleName = current.RoleName,
            AccessKey = current.AuthenticationType == KeyBased ? current.AccessKey : null,
            TaggedOnly = current.TaggedOnly,
            TagsToMonitor = current.TagsToMonitor.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            CredentialsEnabled = current.CredentialsEnabled,
            RunningOnDynatraceInfrastructure = current.RunningOnDynatraceInfrastructure,
        };
    }
}
