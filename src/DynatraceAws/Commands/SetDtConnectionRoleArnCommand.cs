using System;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Writes the monitoring role's ARN into an AWS connection, waiting out IAM propagation.</summary>
    [Cmdlet(VerbsCommon.Set, "DtConnectionRoleArn", SupportsShouldProcess = true)]
    [OutputType(typeof(AwsConnection))]
    public sealed class SetDtConnectionRoleArnCommand : DtEnvironmentCmdlet
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

        /// <summary>Replace a different role ARN that is already set.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Carried to the output for the next cmdlet of the pipeline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        protected override void ProcessRecord()
        {
            var connections = new AwsConnections(Environment, Log);
            if (!TryRun(async ct =>
                {
                    InputRules.RoleArn(RoleArn);
                    return await connections.GetAsync(ConnectionId, null, ct).ConfigureAwait(false);
                }, ConnectionId, out var current)) return;

            if (current.RoleArn == RoleArn)
            {
                WriteVerbose($"AWS connection '{current.Name}' already uses {RoleArn}; nothing to write.");
                WriteObject(PassThrough.With(current, nameof(Region), Region));
                return;
            }
            if (!ShouldProcess($"AWS connection '{current.Name}' ({ConnectionId})", $"Set role ARN to {RoleArn}")) return;

            var options = new RoleArnOptions { Force = Force, PropagationTimeout = PropagationTimeout };
            if (TryRun(ct => connections.SetRoleArnAsync(ConnectionId, RoleArn, options, ct), ConnectionId, out var updated))
                WriteObject(PassThrough.With(updated.Item, nameof(Region), Region));
        }
    }
}
