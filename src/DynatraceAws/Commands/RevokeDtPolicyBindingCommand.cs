using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Unbinds a policy from a group; a binding that does not exist counts as removed.</summary>
    [Cmdlet(VerbsSecurity.Revoke, "DtPolicyBinding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PolicyBinding))]
    public sealed class RevokeDtPolicyBindingCommand : DtPolicyLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string PolicyUuid { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupUuid { get; set; } = "";

        /// <summary>Unbinds without asking; -WhatIf still only shows what would be unbound.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetLevel(PolicyUuid, out var level)) return;
            if (!this.ShouldProcessUnlessForced(Force, $"binding of policy {PolicyUuid} to group {GroupUuid} at {level}", "Remove")) return;
            if (!TryRun(ct => new PolicyBindings(Account, Log).RemoveAsync(level, PolicyUuid, GroupUuid, ct), PolicyUuid, out var removed)) return;
            if (!removed) WriteVerbose($"Policy {PolicyUuid} was not bound to group {GroupUuid} at {level}.");
            if (PassThru) WriteObject(new PolicyBinding(PolicyUuid, GroupUuid, level.Type, level.Id));
        }
    }
}
