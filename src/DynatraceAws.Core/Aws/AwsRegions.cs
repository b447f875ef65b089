using System;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// Region names checked against AWS's table (<see cref="AwsPartition"/>) before any call: is it a
    /// real region, of which partition, and which real regions a near miss was likely meant to be.
    /// </summary>
    public static class AwsRegions
    {
        /// <summary>Edits (insert, delete, replace, swap two neighbours) beyond which a name is not a near miss.</summary>
        private const int NearMiss = 2;

        /// <summary>The partition that lists <paramref name="region"/> among its real regions; null for any other name, even one of a region's shape.</summary>
        public static AwsPartition? PartitionOf(string region) => AwsPartition.All.FirstOrDefault(p => p.HasRegion(region));

        /// <summary>Whether <paramref name="region"/> is a real region of some partition.</summary>
        public static bool IsKnown(string region) => PartitionOf(region) != null;

        /// <summary>
        /// For a name that is not a real region, the real regions of any partition closest to it, in
        /// name order (us-east-9: us-east-1, us-east-2; eu-wset-1: eu-west-1); none when nothing is within
        /// two edits. A real region is its own only suggestion. Case is ignored.
        /// </summary>
        public static IReadOnlyList<string> NearestTo(string name)
        {
            var wanted = (name ?? "").Trim().ToLowerInvariant();
            var distances = AwsPartition.All.SelectMany(p => p.Regions)
                .Select(region => (Region: region, Distance: Edits(wanted, region)))
                .Where(r => r.Distance <= NearMiss)
                .ToArray();
            if (distances.Length == 0) return Array.Empty<string>();
            var nearest = distances.Min(r => r.Distance);
            return distances.Where(r => r.Distance == nearest).Select(r => r.Region).OrderBy(r => r, StringComparer.Ordinal).ToArray();
        }

        /// <summary>Optimal string alignment distance: a typed region usually has a wrong, missing, extra or swapped character.</summary>
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
