using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Policy statements compare equal when they differ only in whitespace.</summary>
    public static class PolicyStatement
    {
        /// <summary>The statement onboarding needs (seed 000): the AWS connection schema and the da-aws extension.</summary>
        public const string AwsOnboarding =
            "ALLOW settings:objects:read, settings:objects:write WHERE settings:schemaId = \"builtin:hyperscaler-authentication.connections.aws\"; " +
            "ALLOW extensions:definitions:read, extensions:configurations:read, extensions:configurations:write WHERE extensions:extension-name = \"com.dynatrace.extension.da-aws\";";

        private static readonly Regex Whitespace = new Regex(@"\s+", RegexOptions.CultureInvariant);
        private static readonly Regex AroundPunctuation = new Regex(@"\s*([,;])\s*", RegexOptions.CultureInvariant);

        public static string Normalize(string? statement) =>
            AroundPunctuation.Replace(Whitespace.Replace((statement ?? "").Trim(), " "), "$1 ").Trim();

        public static bool AreSame(string? left, string? right) => Normalize(left) == Normalize(right);
    }
}
