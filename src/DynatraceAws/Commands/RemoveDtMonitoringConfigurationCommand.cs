using System.Management.Automation;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Commands.Completion;

namespace DynatraceAws.Commands
{
    /// <summary>Deletes monitoring configurations, and with each Dynatrace deletes its AWS connection; one already gone counts as deleted.</summary>
    [Cmdlet(VerbsCommon.Remove, "DtMonitoringConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class RemoveDtMonitoringConfigurationCommand : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConfigurationIdCompleter))]
        public string ConfigurationId { get; set; } = "";

        /// <summary>Deletes without asking for confirmation; -WhatIf still only shows what would be deleted.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes each deleted configuration to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var configurations = new MonitoringConfigurations(Environment, Log);
            PlanAndApply(ct => configurations.PlanDeleteAsync(ConfigurationId, ct), ConfigurationId,
                removed => { if (PassThru && removed != null) WriteObject(removed); }, Force);
        }
    }
}
