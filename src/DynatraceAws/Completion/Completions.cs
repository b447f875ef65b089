using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>Turns candidate values into completion results: prefix match ignoring case, quoted when needed.</summary>
    internal static class Completions
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string? wordToComplete)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
            return candidates.Where(c => pattern.IsMatch(c))
                .Select(c => new CompletionResult(Quoted(c), c, CompletionResultType.ParameterValue, c));
        }

        private static string Quoted(string value) =>
            value.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
