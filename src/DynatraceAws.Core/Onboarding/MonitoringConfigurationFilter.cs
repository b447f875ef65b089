namespace DynatraceAws.Core.Onboarding
{
    /// <summary>Which monitoring configurations to read; an empty filter means all of them.</summary>
    public sealed class MonitoringConfigurationFilter
    {
        public string? ConfigurationId { get; set; }
        public string? AccountId { get; set; }
        public string? ConnectionId { get; set; }
    }
}
