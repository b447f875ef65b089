using System.Management.Automation;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Makes Dynatrace monitor the account of a monitoring configuration again.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "DtMonitoringConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class EnableDtMonitoringConfigurationCommand : DtConfigurationChangeCmdlet
    {
        internal override MonitoringConfigurationChange Change => new MonitoringConfigurationChange { Enabled = true };
    }
}
