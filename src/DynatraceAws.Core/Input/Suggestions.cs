using System;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Input
{
    /// <summary>"Did you mean": the known values closest to a mistyped one (us-east-9, eu-wset-1, EC2_esential).</summary>
    public static class Suggestions
    {
        /// <summary>Edits (insert, delete, replace, swap two neighbours) beyond which a name is not a near miss.</summary>
        private const int NearMiss = 2;

        /// <summary>
        /// The candidates nearest to <paramref name="value"/>, in name order; none when nothing is within
        /// two edits. A known value is its own only suggestion. Case is ignored.
        /// </summary>
        public static IReadOnlyList<string> Nearest(string? value, IEnumerable<string> candidates)
        {
            var wanted = (value ?? "").Trim().ToLowerInvariant();
            var distances = candidates
                .Select(candidate => (Candidate: candidate, Distance: Edits(wanted, candidate.ToLowerInvariant())))
                .Where(c => c.Distance <= NearMiss)
                .ToArray();
            if (distances.Length == 0) return Array.Empty<string>();
            var nearest = distances.Min(c => c.Distance);
            return distances.Where(c => c.Distance == nearest).Select(c => c.Candidate).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        }

        /// <summary>"Did you mean a, b or c? " or nothing, to start a fix.</summary>
        public static string DidYouMean(string? value, IEnumerable<string> candidates)
        {
            var near = Nearest(value, candidates);
            if (near.Count == 0) return "";
            var list = near.Count == 1 ? near[0] : string.Join(", ", near.Take(near.Count - 1)) + " or " + near[near.Count - 1];
            return $"Did you mean {list}? ";
        }

        /// <summary>Optimal string alignment distance: a typed name usually has a wrong, missing, extra or swapped character.</summary>
        private static int Edits(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
            return d[a.Length, b.Length];
        }
    }
}
