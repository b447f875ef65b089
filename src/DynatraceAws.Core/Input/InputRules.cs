using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Input
{
    /// <summary>The rules for user-supplied values, checked before any call so a bad row fails alone and early.</summary>
    public static class InputRules
    {
        // ASCII classes and \z throughout: .NET's \d and \w also match other scripts' digits and letters
        // (١٢٣, é), and $ also matches before a final newline.
        private static readonly Regex AccountIdShape = new Regex(@"^[0-9]{12}\z");
        private static readonly Regex DescriptionShape = new Regex(@"^[A-Za-z][A-Za-z0-9-]*\z");
        private static readonly Regex IamNameShape = new Regex(@"^[A-Za-z0-9_+=,.@-]+\z");
        private static readonly Regex IamPathShape = new Regex(@"^/([\x21-\x7E]*/)?\z");
        private static readonly Regex RoleArnShape = new Regex(@"^arn:aws:iam::([0-9]{12}):role/[A-Za-z0-9_+=,.@/-]{1,512}\z");
        private static readonly Regex FeatureSetShape = new Regex(@"^[A-Za-z0-9_]{1,100}\z");
        private static readonly Regex PolicyArnShape = new Regex(@"^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/[\x21-\x7E]{1,1024}\z");
        // The IAM model's tagKeyType and tagValueType: letters, separators, digits and _.:/=+-@.
        private static readonly Regex TagShape = new Regex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z");
        private const int MaxTags = 50;

        public static string ConnectionName(string? name)
        {
            var value = name ?? "";
            if (value.Trim().Length != value.Length || value.Length == 0)
                throw new InvalidInputException("InvalidConnectionName", "Name", name, "is empty or has leading or trailing spaces",
                    "Use 3 to 100 characters without ':' and without surrounding spaces.");
            if (value.Length < 3 || value.Length > 100)
                throw new InvalidInputException("InvalidConnectionName", "Name", name, $"has {value.Length} characters",
                    "Use 3 to 100 characters.");
            if (value.IndexOf(':') >= 0)
                throw new InvalidInputException("InvalidConnectionName", "Name", name, "contains ':'",
                    "Remove the ':'; Dynatrace does not allow it in connection names.");
            return VisibleName(value, "Name", "InvalidConnectionName");
        }

        /// <summary>
        /// A name people will read: none of the <see cref="InvisibleCharacters"/> (a right-to-left
        /// override could make one name look like another, a zero-width space make two look alike).
        /// </summary>
        public static string VisibleName(string? name, string field, string errorId)
        {
            var value = name ?? "";
            var at = InvisibleCharacters.IndexIn(value);
            if (at >= 0)
                throw new InvalidInputException(errorId, field, value, $"contains the invisible character {InvisibleCharacters.CodePoint(value, at)} at position {at + 1}",
                    "Retype it with visible characters only: no control characters, bidirectional overrides or zero-width characters.");
            return value;
        }

        /// <summary>
        /// Filters of a Get that were given (not null) must not all be blank: a blank CSV cell would
        /// otherwise widen the Get to everything, and piped on to a Remove act on every item.
        /// </summary>
        /// <param name="items">What the Get lists, for the message: "connection", "monitoring configuration".</param>
        public static void NotAllBlank(string items, params (string Field, string? Value)[] filters)
        {
            var given = filters.Where(f => f.Value != null).ToArray();
            if (given.Length == 0 || given.Any(f => !string.IsNullOrWhiteSpace(f.Value))) return;
            var fields = string.Join(" and ", given.Select(f => f.Field));
            throw new InvalidInputException("EmptyFilter", fields, given[0].Value, "is blank",
                $"Fill in {fields} (a blank CSV cell?), or leave {(given.Length == 1 ? "it" : "them")} out to get every {items}.");
        }

        /// <summary>A da-aws feature set name such as EC2_essential or ECS_ContainerInsights_essential.</summary>
        public static string FeatureSet(string? featureSet)
        {
            var value = featureSet ?? "";
            if (!FeatureSetShape.IsMatch(value))
                throw new InvalidInputException("InvalidFeatureSet", "FeatureSet", featureSet,
                    "is not a feature set name (letters, digits and _ only, at most 100)", "Use names such as EC2_essential; leave -FeatureSet out for the defaults.");
            return value;
        }

        /// <summary>The role to assume in a target account: an IAM role name, optionally after its path (team/Role).</summary>
        public static string AssumeRoleName(string? name)
        {
            var value = name ?? "";
            var slash = value.LastIndexOf('/');
            if (slash >= 0) IamPath("/" + value.Substring(0, slash + 1).TrimStart('/'), "AssumeRoleName");
            IamName(value.Substring(slash + 1), "AssumeRoleName", 64);
            return value;
        }

        public static string AccountId(string? accountId, string field = "AccountId")
        {
            var value = (accountId ?? "").Trim();
            if (!AccountIdShape.IsMatch(value))
                throw new InvalidInputException("InvalidAccountId", field, accountId,
                    value.Length > 0 && value.Length != 12 && IsDigits(value) ? $"has {value.Length} digits, not 12" : "is not a 12-digit AWS account id",
                    "Pass the 12-digit account id as text, keeping leading zeros (for example '012345678901').");
            return value;
        }

        /// <summary>
        /// The account of a piped AWS connection: one without a role ARN does not say which account it
        /// is for, so -AccountId (or an AccountId column) must.
        /// </summary>
        public static string AccountIdOf(string? accountId, string? connectionName)
        {
            if (string.IsNullOrWhiteSpace(accountId) && !string.IsNullOrWhiteSpace(connectionName))
                throw new InvalidInputException("AccountIdRequired", "AccountId", null,
                    $"is not known: the AWS connection '{connectionName}' has no role ARN yet, so it does not say which AWS account it is for",
                    "Pass -AccountId with the 12-digit account id, or add an AccountId column.");
            return AccountId(accountId);
        }

        public static string Description(string? description)
        {
            var value = description ?? "";
            if (!DescriptionShape.IsMatch(value) || value.Length > 128)
                throw new InvalidInputException("InvalidDescription", "Description", description,
                    "must start with a letter and contain only letters, digits and hyphens (at most 128)",
                    "Use a name such as aws-prod-123456789012.");
            return value;
        }

        /// <summary>An optional address from a variable or parameter: absolute, https unless on the loopback.</summary>
        public static Uri? OptionalEndpoint(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri)
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
                throw new InvalidInputException("InvalidEndpoint", field, text, "is not an https address",
                    "Use an absolute https:// address (plain http only for 127.0.0.1 and localhost).");
            return uri;
        }

        /// <summary>An IAM role or policy name: letters, digits and +=,.@_- only.</summary>
        public static string IamName(string? name, string field, int maxLength)
        {
            var value = name ?? "";
            if (value.Length == 0 || value.Length > maxLength || !IamNameShape.IsMatch(value))
                throw new InvalidInputException("InvalidIamName", field, name,
                    $"is not a valid IAM name (1 to {maxLength} letters, digits or +=,.@_-)", "Choose a name such as DynatraceMonitoringRole.");
            return value;
        }

        public static string IamPath(string? path, string field)
        {
            var value = path ?? "";
            if (value.Length > 512 || !IamPathShape.IsMatch(value))
                throw new InvalidInputException("InvalidIamPath", field, path, "is not an IAM path", "Use / or a path that starts and ends with /, such as /dynatrace/.");
            return value;
        }

        public static string PolicyArn(string? arn, string field)
        {
            if (!PolicyArnShape.IsMatch(arn ?? ""))
                throw new InvalidInputException("InvalidPolicyArn", field, arn, "is not an IAM managed policy ARN",
                    "Use the form arn:aws:iam::123456789012:policy/Name.");
            return arn!;
        }

        /// <summary>IAM's rules for role tags (the IAM model's tagKeyType, tagValueType and tagListType), with the tag the module adds itself.</summary>
        public static void Tags(IDictionary<string, string>? tags, string reserved)
        {
            var given = tags ?? new Dictionary<string, string>();
            var extra = given.Keys.Count(k => !string.Equals(k, reserved, StringComparison.OrdinalIgnoreCase));
            if (extra + 1 > MaxTags)
                throw new InvalidInputException("InvalidTag", "Tag", null, $"has {extra} tags; with {reserved} that is more than IAM's {MaxTags}",
                    $"Pass at most {MaxTags - 1} tags.");
            foreach (var pair in given)
            {
                var key = pair.Key ?? "";
                if (key.Length == 0 || key.Length > 128 || !TagShape.IsMatch(key))
                    throw new InvalidInputException("InvalidTag", "Tag", key, "is not an IAM tag key (1 to 128 letters, digits, spaces or _.:/=+-@)",
                        "Choose a key such as CostCenter.");
                if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidInputException("InvalidTag", "Tag", key, "starts with aws:, which AWS reserves", "Choose a key without the aws: prefix.");
                var value = pair.Value ?? "";
                if (value.Length > 256 || !TagShape.IsMatch(value))
                    throw new InvalidInputException("InvalidTag", $"Tag {key}", value, "is not an IAM tag value (at most 256 letters, digits, spaces or _.:/=+-@)",
                        "Shorten the value or remove the other characters.");
            }
        }

        /// <returns>The account id the role belongs to.</returns>
        public static string RoleArn(string? roleArn)
        {
            var match = RoleArnShape.Match(roleArn ?? "");
            if (!match.Success)
                throw new InvalidInputException("InvalidRoleArn", "RoleArn", roleArn, "is not an IAM role ARN of the aws partition",
                    "Use the form arn:aws:iam::123456789012:role/DynatraceMonitoringRole.");
            return match.Groups[1].Value;
        }

        public static string? AccountOfRoleArn(string? roleArn)
        {
            var match = RoleArnShape.Match(roleArn ?? "");
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>
        /// A list given as several values, or as one text separated by ';' or ',' (a CSV cell):
        /// trimmed, without empty entries.
        /// </summary>
        public static IReadOnlyList<string> SplitList(IEnumerable<string?>? values) =>
            (values ?? Enumerable.Empty<string?>())
            .SelectMany(v => (v ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToArray();

        private static bool IsDigits(string value)
        {
            foreach (var c in value) if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
