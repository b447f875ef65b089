using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Deletes platform tokens; one that is already gone counts as deleted. The token list is read once per command, not per input.</summary>
    [Cmdlet(VerbsCommon.Remove, "DtPlatformToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PlatformToken))]
    public sealed class RemoveDtPlatformTokenCommand : DtAccountCmdlet
    {
        private PlatformTokens? _tokens;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TokenId { get; set; } = "";

        /// <summary>Deletes without asking; -WhatIf still only shows what would be deleted.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _tokens = new PlatformTokens(Account, Log);
        }

        protected override void ProcessRecord()
        {
            var tokens = _tokens!;
            PlanAndApply(ct => tokens.PlanDeleteAsync(TokenId, ct), TokenId,
                removed => { if (PassThru && removed != null) WriteObject(removed); }, Force);
        }
    }
}
