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
            PlanAndApply(ct => configurations.PlanUpdateAsync(ConfigurationId, Change, ct), ConfigurationId,
                configuration => { if (PassThru) WriteObject(configuration); });
        }
    }
}
