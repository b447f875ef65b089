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
            if (!TryRun(ct => configurations.FindByIdAsync(ConfigurationId, ct), ConfigurationId, out var configuration)) return;
            if (configuration is null)
            {
                WriteVerbose($"Monitoring configuration {ConfigurationId} does not exist; nothing to remove.");
                return;
            }
            var target = $"Monitoring configuration '{configuration.Description}' for account {configuration.AccountId} ({ConfigurationId})";
            if (!this.ShouldProcessUnlessForced(Force, target, $"Remove, and with it AWS connection {configuration.ConnectionId}")) return;
            if (TryRun(ct => configurations.DeleteAsync(ConfigurationId, ct), ConfigurationId, out _) && PassThru)
                WriteObject(configuration);
        }
    }
}
