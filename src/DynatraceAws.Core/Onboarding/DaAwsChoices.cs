using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// The regions and feature sets a monitoring configuration may name: the enums of the active
    /// da-aws version's schema where the environment serves it (the authority), else AWS's own region
    /// table and the da-aws catalogue. Checked before any call, with the nearest values as the fix.
    /// </summary>
    public sealed class DaAwsChoices
    {
        public const string RegionEnum = "dynatrace.datasource.aws:region";
        public const string FeatureSetEnum = "FeatureSetsType";

        private readonly HashSet<string> _regions;
        private readonly HashSet<string> _featureSets;

        internal DaAwsChoices(IEnumerable<string> regions, IEnumerable<string> featureSets, string source)
        {
            _regions = new HashSet<string>(regions, StringComparer.Ordinal);
            _featureSets = new HashSet<string>(featureSets, StringComparer.Ordinal);
            Source = source;
        }

        /// <summary>Without an environment's word: AWS's regions of the aws partition and the da-aws catalogue.</summary>
        public static DaAwsChoices Offline { get; } = new DaAwsChoices(DaAwsCatalogue.Regions, DaAwsCatalogue.FeatureSets, "the da-aws catalogue");

        /// <summary>Where the lists come from, for messages: "da-aws 1.0.5" or "the da-aws catalogue".</summary>
        public string Source { get; }

        public IReadOnlyCollection<string> Regions => _regions;
        public IReadOnlyCollection<string> FeatureSets => _featureSets;

        /// <summary>
        /// A region a user names to monitor, with no list at hand: trimmed, lower case, a region's shape,
        /// in the commercial partition (the only one whose roles can trust Dynatrace).
        /// </summary>
        public static string MonitoredRegion(string? region, string field = "Region")
        {
            var value = (region ?? "").Trim().ToLowerInvariant();
            AwsPartition.ForDynatraceMonitoring(value, field);
            return value;
        }

        /// <summary>A region to monitor: trimmed, lower case, one of <see cref="Regions"/>.</summary>
        public string Region(string? region, string field = "Region")
        {
            var value = MonitoredRegion(region, field);
            if (_regions.Contains(value)) return value;
            throw new InvalidInputException("InvalidRegion", field, region, $"is not an AWS region that {Source} monitors",
                Suggestions.DidYouMean(value, _regions) + "Get-Help about_DynatraceAws lists where to find the regions; tab completion offers them.");
        }

        public string FeatureSet(string? featureSet)
        {
            var value = InputRules.FeatureSet(featureSet);
            if (_featureSets.Contains(value)) return value;
            throw new InvalidInputException("InvalidFeatureSet", "FeatureSet", featureSet, $"is not a feature set of {Source}",
                Suggestions.DidYouMean(value, _featureSets) + "Leave -FeatureSet out for the defaults; tab completion offers the names.");
        }
    }
}
