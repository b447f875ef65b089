using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Deletes IAM policies; one that is already gone counts as deleted. -Force skips the prompt and unbinds the policy first.</summary>
    [Cmdlet(VerbsCommon.Remove, "DtIamPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(IamPolicy))]
    public sealed class RemoveDtIamPolicyCommand : DtPolicyLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Uuid")]
        public string PolicyUuid { get; set; } = "";

        /// <summary>Deletes without asking, and also deletes the policy's bindings; -WhatIf still only shows what would be deleted.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var policies = new IamPolicies(Account, Log);
            PlanAndApply(ct => policies.PlanDeleteAsync(Level(), PolicyUuid, Force, ct), PolicyUuid,
                removed => { if (PassThru && removed != null) WriteObject(removed); }, Force);
        }
    }
}
