using System;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>"Did you mean": the known values closest to a mistyped one (us-east-9, EC2_esential).</summary>
    public static class Suggestions
    {
        /// <returns>Up to <paramref name="count"/> candidates, nearest first; none when nothing is near.</returns>
        public static IReadOnlyList<string> Closest(string value, IEnumerable<string> candidates, int count = 3)
        {
            var typed = value.ToLowerInvariant();
            var limit = Math.Max(2, typed.Length / 3);
            return candidates
                .Select(c => (Candidate: c, Distance: Distance(typed, c.ToLowerInvariant())))
                .Where(c => c.Distance <= limit)
                .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
                .Take(count)
                .Select(c => c.Candidate)
                .ToArray();
        }

        /// <summary>"Did you mean a, b or c? " or nothing, to start a fix.</summary>
        public static string DidYouMean(string value, IEnumerable<string> candidates)
        {
            var near = Closest(value, candidates);
            if (near.Count == 0) return "";
            var list = near.Count == 1 ? near[0] : string.Join(", ", near.Take(near.Count - 1)) + " or " + near[near.Count - 1];
            return $"Did you mean {list}? ";
        }

        // Optimal string alignment: Levenshtein plus the swap of two neighbours (eu-wset-1).
        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
            return d[a.Length, b.Length];
        }
    }
}
