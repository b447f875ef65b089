using System.Management.Automation;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Commands.Completion;

namespace DynatraceAws.Commands
{
    /// <summary>Whether Dynatrace monitors the account of a configuration: OK, PENDING, WARNING, ERROR or UNKNOWN.</summary>
    [Cmdlet(VerbsCommon.Get, "DtMonitoringConfigurationStatus")]
    [OutputType(typeof(MonitoringConfigurationStatus))]
    public sealed class GetDtMonitoringConfigurationStatusCommand : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConfigurationIdCompleter))]
        public string ConfigurationId { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (TryRun(ct => new MonitoringConfigurations(Environment, Log).StatusAsync(ConfigurationId, ct), ConfigurationId, out var status))
                WriteObject(status);
        }
    }
}
