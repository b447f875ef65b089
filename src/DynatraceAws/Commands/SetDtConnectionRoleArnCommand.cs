using System;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Writes the monitoring role's ARN into an AWS connection, waiting out IAM propagation.</summary>
    [Cmdlet(VerbsCommon.Set, "DtConnectionRoleArn", SupportsShouldProcess = true)]
    [OutputType(typeof(AwsConnection))]
    public sealed class SetDtConnectionRoleArnCommand : DtEnvironmentCmdlet, IConfigurationColumns
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string ConnectionId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RoleArn { get; set; } = "";

        [Parameter]
        public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromMinutes(2);

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
            var options = new RoleArnOptions { PropagationTimeout = PropagationTimeout };
            PlanAndApply(ct => connections.PlanRoleArnAsync(ConnectionId, RoleArn, options, ct), ConnectionId,
                connection => WriteObject(PassThrough.WithConfigurationColumns(connection, this)));
        }
    }
}
