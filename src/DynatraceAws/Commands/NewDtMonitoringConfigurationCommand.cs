using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Creates the da-aws monitoring configuration that makes Dynatrace monitor an AWS account.</summary>
    [Cmdlet(VerbsCommon.New, "DtMonitoringConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class NewDtMonitoringConfigurationCommand : DtEnvironmentCmdlet
    {
        private readonly SummedWarning _addedGlobalRegion = new SummedWarning(MonitoringConfigurationDocument.AddedGlobalRegion);

        /// <summary>Null binds, from a connection without a role ARN, so that the error can say why: AccountIdRequired.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string? AccountId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>
        /// Regions to monitor, as several values or one text separated by ';' or ','. us-east-1 is always added;
        /// left out, a new configuration monitors us-east-1 and an existing one keeps its regions.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FeatureSetCompleter))]
        public string[]? FeatureSet { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? DeploymentRegion { get; set; }

        /// <summary>The da-aws version; the environment's active one when left out.</summary>
        [Parameter]
        public string? Version { get; set; }

        /// <summary>Creates the configuration enabled (the default); -Enabled:$false creates it disabled.</summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; } = true;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ConnectionName { get; set; }

        protected override void ProcessRecord()
        {
            var configurations = new MonitoringConfigurations(Environment, Log);
            var spec = new MonitoringConfigurationSpec
            {
                ConnectionId = ConnectionId,
                ConnectionName = ConnectionName,
                Regions = Region,
                FeatureSets = FeatureSet,
                Description = Description,
                DeploymentRegion = DeploymentRegion,
                Version = Version,
                Enabled = Enabled,
            };
            PlanAndApply(async ct =>
            {
                spec.AccountId = InputRules.AccountIdOf(AccountId, ConnectionName);
                var (plan, addedGlobalRegion) = await configurations.PlanEnsureAsync(spec, ct).ConfigureAwait(false);
                if (addedGlobalRegion) _addedGlobalRegion.Add(spec.AccountId);
                return plan;
            }, AccountId, WriteObject);
        }

        protected override void EndProcessing() => _addedGlobalRegion.Write(this);
    }
}
