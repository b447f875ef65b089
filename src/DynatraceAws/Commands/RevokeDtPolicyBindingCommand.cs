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
            var bindings = new PolicyBindings(Account, Log);
            PlanAndApply(async ct =>
                {
                    var level = Level();
                    return await bindings.PlanRevokeAsync(level, await ResolveAsync(level, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                }, Target, removed => { if (PassThru) WriteObject(removed, true); }, Force);
        }
    }
}
