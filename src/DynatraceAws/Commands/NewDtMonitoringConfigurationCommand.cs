using System.Collections.Generic;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Creates the da-aws monitoring configuration that makes Dynatrace monitor an AWS account.</summary>
    [Cmdlet(VerbsCommon.New, "DtMonitoringConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class NewDtMonitoringConfigurationCommand : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string AccountId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>Regions to monitor, as several values or one text separated by ';' or ','. us-east-1 is always added.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[] Region { get; set; } = { MonitoringConfigurationDocument.GlobalRegion };

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
            var request = new MonitoringConfigurationSpec
            {
                AccountId = AccountId,
                ConnectionId = ConnectionId,
                ConnectionName = ConnectionName,
                Regions = Region,
                FeatureSets = FeatureSet,
                Description = Description,
                DeploymentRegion = DeploymentRegion,
                Version = Version,
                Enabled = Enabled,
            };

            MonitoringConfigurationSpec spec = null!;
            if (!TryRun(async ct =>
                {
                    spec = configurations.Normalize(request);
                    return await configurations.FindByAccountAsync(spec.AccountId, ct).ConfigureAwait(false);
                }, AccountId, out var existing)) return;

            if (existing != null)
            {
                WriteVerbose($"Account {spec.AccountId} already has the monitoring configuration '{existing.Description}' ({existing.ConfigurationId}); nothing to create.");
                if (!new HashSet<string>(existing.Region).SetEquals(spec.Regions))
                    WriteWarning($"The existing configuration of account {spec.AccountId} monitors {string.Join(", ", existing.Region)}, not {string.Join(", ", spec.Regions)}; Set-DtMonitoringConfiguration changes its regions.");
                WriteObject(existing);
                return;
            }
            if (!ShouldProcess($"Monitoring configuration '{spec.Description}' for account {spec.AccountId} ({string.Join(", ", spec.Regions)})", "Create")) return;
            if (TryRun(ct => configurations.CreateAsync(spec, ct), AccountId, out var created))
                WriteObject(created.Item);
        }
    }
}
