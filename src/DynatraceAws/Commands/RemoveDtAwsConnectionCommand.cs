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
            PlanAndApply(ct => connections.PlanDeleteAsync(ConnectionId, ct), ConnectionId,
                removed => { if (PassThru && removed != null) WriteObject(removed); }, Force);
        }
    }
}
