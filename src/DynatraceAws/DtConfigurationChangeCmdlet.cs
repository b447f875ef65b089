using System.Management.Automation;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Commands.Completion;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Set-, Enable- and Disable-DtMonitoringConfiguration: read the configuration, say what would
    /// change, and write the whole value back only when something differs.
    /// </summary>
    public abstract class DtConfigurationChangeCmdlet : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConfigurationIdCompleter))]
        public string ConfigurationId { get; set; } = "";

        /// <summary>Writes the configuration as it is afterwards to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal abstract MonitoringConfigurationChange Change { get; }

        protected override void ProcessRecord()
        {
            var configurations = new MonitoringConfigurations(Environment, Log);
            if (!TryRun(ct => configurations.PlanUpdateAsync(ConfigurationId, Change, ct), ConfigurationId, out var plan)) return;
            if (!plan.Changed)
            {
                WriteVerbose($"Monitoring configuration '{plan.Current.Description}' ({ConfigurationId}) already is as asked; nothing to write.");
                if (PassThru) WriteObject(plan.Current);
                return;
            }
            var target = $"Monitoring configuration '{plan.Current.Description}' for account {plan.Current.AccountId} ({ConfigurationId})";
            if (!ShouldProcess(target, string.Join("; ", plan.Changes))) return;
            if (TryRun(ct => configurations.UpdateAsync(ConfigurationId, plan.Change, ct), ConfigurationId, out var updated) && PassThru)
                WriteObject(updated.Item);
        }
    }
}
