using System;
using System.Text.RegularExpressions;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>
    /// Names a member account's connection from a template with {AccountName} and {AccountId},
    /// made valid for Dynatrace's connection name rules (3 to 100 characters, no ':', no
    /// surrounding spaces) and for ours (no invisible characters) whatever the account is called.
    /// </summary>
    public sealed class ConnectionNameTemplate
    {
        public const string Default = "aws-{AccountName}";
        private const int MaxLength = 100;
        private static readonly Regex Placeholder = new Regex(@"\{(?<name>[^{}]*)\}");

        private readonly string _template;

        public ConnectionNameTemplate(string? template)
        {
            _template = InputRules.VisibleName(string.IsNullOrWhiteSpace(template) ? Default : template!, "NameTemplate", "InvalidNameTemplate");
            foreach (Match match in Placeholder.Matches(_template))
            {
                var name = match.Groups["name"].Value;
                if (name != "AccountName" && name != "AccountId")
                    throw new InvalidInputException("InvalidNameTemplate", "NameTemplate", _template, $"has the unknown placeholder {{{name}}}",
                        "Use {AccountName} and {AccountId}, e.g. 'aws-{AccountName}'.");
            }
        }

        public string NameFor(OrganizationAccount account)
        {
            var name = Placeholder.Replace(_template, m => m.Groups["name"].Value == "AccountId" ? account.AccountId : InvisibleCharacters.Remove(account.Name));
            name = Regex.Replace(name.Replace(':', '-'), @"\s+", " ").Trim();
            if (name.Length > MaxLength) name = name.Substring(0, MaxLength).TrimEnd();
            return name.Length < 3 ? WithAccountId(name, account) : name;
        }

        /// <summary>The name made unique with the account id, still within the length limit.</summary>
        public static string WithAccountId(string name, OrganizationAccount account)
        {
            var suffix = "-" + account.AccountId;
            var stem = name.Length + suffix.Length > MaxLength ? name.Substring(0, MaxLength - suffix.Length).TrimEnd() : name;
            return (stem.Length == 0 ? "aws" : stem) + suffix;
        }
    }
}
