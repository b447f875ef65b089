using System.Management.Automation;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Commands.Completion;

namespace DynatraceAws.Commands
{
    /// <summary>Deletes AWS connections; one that is already gone counts as deleted.</summary>
    [Cmdlet(VerbsCommon.Remove, "DtAwsConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(AwsConnection))]
    public sealed class RemoveDtAwsConnectionCommand : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>Deletes without asking for confirmation; -WhatIf still only shows what would be deleted.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes each deleted connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connections = new AwsConnections(Environment, Log);
            if (!TryRun(ct => connections.FindByIdAsync(ConnectionId, ct), ConnectionId, out var connection)) return;
            if (connection is null)
            {
                WriteVerbose($"AWS connection {ConnectionId} does not exist; nothing to remove.");
                return;
            }
            if (!this.ShouldProcessUnlessForced(Force, $"AWS connection '{connection.Name}' ({ConnectionId})", "Remove")) return;
            if (TryRun(ct => connections.DeleteAsync(ConnectionId, ct), ConnectionId, out _) && PassThru)
                WriteObject(connection);
        }
    }
}
