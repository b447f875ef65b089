using System.Collections.Generic;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>A da-aws monitoring configuration: which account Dynatrace monitors, through which connection, where.</summary>
    public sealed class MonitoringConfiguration : PlanResult
    {
        public MonitoringConfiguration(string configurationId, string accountId, string connectionId, string description,
            string version, bool enabled, IReadOnlyList<string> region, IReadOnlyList<string> featureSet, string deploymentRegion,
            string environmentId)
        {
            ConfigurationId = configurationId;
            AccountId = accountId;
            ConnectionId = connectionId;
            Description = description;
            Version = version;
            Enabled = enabled;
            Region = new ReportList<string>(region);
            FeatureSet = new ReportList<string>(featureSet);
            DeploymentRegion = deploymentRegion;
            EnvironmentId = environmentId;
        }

        public string ConfigurationId { get; }
        public string AccountId { get; }
        public string ConnectionId { get; }
        public string Description { get; }
        public string Version { get; }
        public bool Enabled { get; }

        /// <summary>Monitored regions (regionFiltering, equal to metricsConfiguration.regions).</summary>
        public ReportList<string> Region { get; }

        public ReportList<string> FeatureSet { get; }
        public string DeploymentRegion { get; }
        public string EnvironmentId { get; }

        public override string ToString() => Description;
    }
}
