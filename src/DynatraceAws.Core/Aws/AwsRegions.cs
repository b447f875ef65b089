using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// Region names checked against AWS's table (<see cref="AwsPartition"/>) before any call: is it a
    /// real region, of which partition, and which real regions a near miss was likely meant to be.
    /// </summary>
    public static class AwsRegions
    {
        /// <summary>The partition that lists <paramref name="region"/> among its real regions; null for any other name, even one of a region's shape.</summary>
        public static AwsPartition? PartitionOf(string region) => AwsPartition.All.FirstOrDefault(p => p.HasRegion(region));

        /// <summary>Whether <paramref name="region"/> is a real region of some partition.</summary>
        public static bool IsKnown(string region) => PartitionOf(region) != null;

        /// <summary>
        /// For a name that is not a real region, the real regions of any partition closest to it, in
        /// name order (us-east-9: us-east-1, us-east-2; eu-wset-1: eu-west-1); none when nothing is within
        /// two edits. A real region is its own only suggestion. Case is ignored.
        /// </summary>
        public static IReadOnlyList<string> NearestTo(string name) =>
            Suggestions.Nearest(name, AwsPartition.All.SelectMany(p => p.Regions));
    }
}
