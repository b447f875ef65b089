using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Creates the AWS connection whose id becomes the external id of the monitoring role.</summary>
    [Cmdlet(VerbsCommon.New, "DtAwsConnection", SupportsShouldProcess = true)]
    [OutputType(typeof(AwsConnection))]
    public sealed class NewDtAwsConnectionCommand : DtEnvironmentCmdlet, IConfigurationColumns
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionName")]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string AccountId { get; set; } = "";

        /// <summary>Carried to the output for New-DtMonitoringConfiguration: the regions to monitor.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        /// <summary>Carried to the output for New-DtMonitoringConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FeatureSetCompleter))]
        public string[]? FeatureSet { get; set; }

        /// <summary>Carried to the output for New-DtMonitoringConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>Carried to the output for New-DtMonitoringConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? DeploymentRegion { get; set; }

        protected override void ProcessRecord()
        {
            var connections = new AwsConnections(Environment, Log);
            PlanAndApply(ct => connections.PlanCreateAsync(Name, AccountId, ct), Name,
                connection => WriteObject(PassThrough.WithConfigurationColumns(connection, this)));
        }
    }
}
