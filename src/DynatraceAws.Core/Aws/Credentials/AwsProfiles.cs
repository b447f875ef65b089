using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// The profile names of the AWS config and credentials files, as the AWS CLI finds them
    /// (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured): every profile, with or without keys.
    /// </summary>
    public static class AwsProfiles
    {
        private static readonly Regex Section = new Regex(@"^\s*\[\s*(?<name>[^\]]+?)\s*\]\s*$");

        public static IReadOnlyList<string> Names()
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config");
            var credentials = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials");

            var fromConfig = Sections(config)
                .Where(s => s == "default" || s.StartsWith("profile ", StringComparison.Ordinal))
                .Select(s => s == "default" ? s : s.Substring("profile ".Length).Trim());
            return fromConfig.Concat(Sections(credentials)).Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        private static IEnumerable<string> Sections(string path) =>
            File.Exists(path)
                ? File.ReadLines(path).Select(l => Section.Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value)
                : Enumerable.Empty<string>();
    }
}
