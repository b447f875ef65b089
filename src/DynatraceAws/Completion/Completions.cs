using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>Turns candidate values into completion results: prefix match ignoring case, quoted when needed.</summary>
    internal static class Completions
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string? wordToComplete) =>
            Matching(candidates.Select(c => new Candidate(c, c)), wordToComplete);

        /// <summary>
        /// Candidates whose value or label starts with the word: an id is found by its name too. The
        /// menu lists the label, the tooltip shows both, and the value is what is inserted.
        /// </summary>
        public static IEnumerable<CompletionResult> Matching(IEnumerable<Candidate> candidates, string? wordToComplete)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
            return candidates.Where(c => pattern.IsMatch(c.Value) || pattern.IsMatch(c.Label))
                .Select(c => new CompletionResult(Quoted(c.Value), c.Label, CompletionResultType.ParameterValue, c.Label == c.Value ? c.Value : $"{c.Label}: {c.Value}"));
        }

        private static string Quoted(string value) =>
            value.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
    }

    /// <summary>A value to complete, and the words that tell a person which one it is.</summary>
    internal sealed class Candidate
    {
        public Candidate(string value, string label)
        {
            Value = value;
            Label = label;
        }

        public string Value { get; }
        public string Label { get; }
    }
}
