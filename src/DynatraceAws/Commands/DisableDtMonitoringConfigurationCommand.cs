using System.Management.Automation;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Stops Dynatrace monitoring the account of a monitoring configuration, keeping the configuration.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "DtMonitoringConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class DisableDtMonitoringConfigurationCommand : DtConfigurationChangeCmdlet
    {
        internal override MonitoringConfigurationChange Change => new MonitoringConfigurationChange { Enabled = false };
    }
}
