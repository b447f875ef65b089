using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>What to change in an existing monitoring configuration; a field left null (or empty) stays as it is.</summary>
    public sealed class MonitoringConfigurationChange
    {
        /// <summary>The regions to monitor instead; us-east-1 is always kept.</summary>
        public IReadOnlyList<string>? Regions { get; set; }

        public IReadOnlyList<string>? FeatureSets { get; set; }
        public string? Description { get; set; }
        public bool? Enabled { get; set; }
    }
}
