using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Unbinds policies from groups, named by name or UUID as Grant-DtPolicyBinding takes them. It reads
    /// first: a binding that does not exist is neither asked about nor written.
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "DtPolicyBinding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PolicyBinding))]
    public sealed class RevokeDtPolicyBindingCommand : DtPolicyBindingCmdlet
    {
        /// <summary>Unbinds without asking; -WhatIf still only shows what would be unbound.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryResolve(out var level, out var targets, out var target)) return;
            var bindings = new PolicyBindings(Account, Log);
            if (!TryRun(ct => bindings.PlanRevokeAsync(level, targets, ct), target, out var changes)) return;
            foreach (var change in changes)
            {
                foreach (var group in change.Groups)
                {
                    if (!this.ShouldProcessUnlessForced(Force, $"binding of policy {change.Policy} to group {group} at {level}", "Remove")) continue;
                    if (TryRun(ct => bindings.RemoveAsync(level, change.Policy.Uuid, group.Uuid, ct), change.Policy.Uuid) && PassThru)
                        WriteObject(new PolicyBinding(change.Policy.Uuid, group.Uuid, level.Type, level.Id));
                }
            }
        }
    }
}
