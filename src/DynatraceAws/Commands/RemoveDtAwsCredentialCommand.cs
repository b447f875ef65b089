using System.Management.Automation;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>Deletes classic AWS credentials; credentials that are already gone count as deleted.</summary>
    [Cmdlet(VerbsCommon.Remove, "DtAwsCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(AwsCredential))]
    public sealed class RemoveDtAwsCredentialCommand : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        public string CredentialId { get; set; } = "";

        /// <summary>Deletes without asking for confirmation; -WhatIf still only shows what would be deleted.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes each deleted credential to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            PlanAndApply(ct => new AwsCredentials(Environment, Log).PlanDeleteAsync(CredentialId, ct), CredentialId,
                removed => { if (PassThru && removed != null) WriteObject(removed); }, Force);
        }
    }
}
