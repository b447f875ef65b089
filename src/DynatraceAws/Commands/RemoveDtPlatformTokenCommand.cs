using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Deletes platform tokens; one that is already gone counts as deleted.</summary>
    [Cmdlet(VerbsCommon.Remove, "DtPlatformToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PlatformToken))]
    public sealed class RemoveDtPlatformTokenCommand : DtAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TokenId { get; set; } = "";

        /// <summary>Deletes without asking; -WhatIf still only shows what would be deleted.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var tokens = new PlatformTokens(Account, Log);
            if (!TryRun(ct => tokens.ListAsync(ct), TokenId, out var all)) return;
            var token = all.FirstOrDefault(t => t.TokenId == TokenId);
            if (token is null)
            {
                WriteVerbose($"Platform token {TokenId} does not exist; nothing to remove.");
                return;
            }
            if (!this.ShouldProcessUnlessForced(Force, $"platform token '{token.Name}' ({TokenId})", "Remove")) return;
            if (TryRun(ct => tokens.DeleteAsync(TokenId, ct), TokenId, out _) && PassThru) WriteObject(token);
        }
    }
}
