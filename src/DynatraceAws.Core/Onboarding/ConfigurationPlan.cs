namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The monitoring configuration's part of a plan: the configuration as read, then as written.</summary>
    internal sealed class ConfigurationPlan
    {
        public ConfigurationPlan(MonitoringConfiguration? existing) => Configuration = existing;

        /// <summary>Null until a planned create has been applied.</summary>
        public MonitoringConfiguration? Configuration { get; set; }

        public MonitoringConfiguration Result() => Configuration!;
    }
}
