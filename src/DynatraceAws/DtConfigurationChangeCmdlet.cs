using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Set-, Enable- and Disable-DtMonitoringConfiguration: read the configuration, say what would
    /// change, and write the whole value back only when something differs. Like every command that
    /// creates or changes something, they write the configuration as it is afterwards, with Changed.
    /// </summary>
    public abstract class DtConfigurationChangeCmdlet : DtCmdlet
    {
        private readonly SummedWarning _addedGlobalRegion = new SummedWarning(MonitoringConfigurationDocument.AddedGlobalRegion);

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConfigurationIdCompleter))]
        public string ConfigurationId { get; set; } = "";

        internal abstract MonitoringConfigurationChange Change { get; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
        }

        protected override void ProcessRecord()
        {
            var configurations = new MonitoringConfigurations(Environment, Log);
            PlanAndApply(async ct =>
            {
                var (plan, addedGlobalRegion) = await configurations.PlanUpdateAsync(ConfigurationId, Change, ct).ConfigureAwait(false);
                if (addedGlobalRegion) _addedGlobalRegion.Add(plan.Result().AccountId);
                return plan;
            }, ConfigurationId, WriteObject);
        }

        protected override void EndProcessing() => _addedGlobalRegion.Write(this);
    }
}
