using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>What the user asks for in a da-aws monitoring configuration.</summary>
    public sealed class MonitoringConfigurationSpec
    {
        public string AccountId { get; set; } = "";
        public string ConnectionId { get; set; } = "";

        /// <summary>Shown as the credential's description; the connection name when known.</summary>
        public string? ConnectionName { get; set; }

        /// <summary>The regions to monitor; null (not given) is us-east-1 for a new configuration and no change to an existing one.</summary>
        public IReadOnlyList<string>? Regions { get; set; }

        /// <summary>The feature sets; null (not given) is seed 000's set for a new configuration and no change to an existing one.</summary>
        public IReadOnlyList<string>? FeatureSets { get; set; }
        public string? Description { get; set; }
        public string? DeploymentRegion { get; set; }

        /// <summary>The extension version; the environment's active one when null.</summary>
        public string? Version { get; set; }

        public bool Enabled { get; set; } = true;
    }
}
