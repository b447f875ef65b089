using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Changes the regions, feature sets or description of a monitoring configuration, keeping everything else.</summary>
    [Cmdlet(VerbsCommon.Set, "DtMonitoringConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class SetDtMonitoringConfigurationCommand : DtConfigurationChangeCmdlet
    {
        // The changes bind from the command line only: piped from Get-DtMonitoringConfiguration, they would
        // bind to the values that object already has.

        /// <summary>The regions to monitor instead, as several values or one text separated by ';' or ','. us-east-1 is always kept.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(FeatureSetCompleter))]
        public string[]? FeatureSet { get; set; }

        [Parameter]
        public string? Description { get; set; }

        internal override MonitoringConfigurationChange Change =>
            new MonitoringConfigurationChange { Regions = Region, FeatureSets = FeatureSet, Description = Description };
    }
}
