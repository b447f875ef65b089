using System.Collections.Generic;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Binds policies to groups, adding to what is bound; bindings that exist are neither planned nor
    /// written. -Exclusive makes each group bound to exactly these policies, after confirmation.
    /// </summary>
    [Cmdlet(VerbsSecurity.Grant, "DtPolicyBinding", SupportsShouldProcess = true)]
    [OutputType(typeof(PolicyBinding))]
    public sealed class GrantDtPolicyBindingCommand : DtPolicyBindingCmdlet
    {
        /// <summary>UUIDs of policy boundaries that limit the new bindings.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Boundary { get; set; } = new string[0];

        /// <summary>Unbinds every other policy from the groups at this level.</summary>
        [Parameter]
        public SwitchParameter Exclusive { get; set; }

        /// <summary>With -Exclusive, replaces without asking; -WhatIf still only shows what would change.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var bindings = new PolicyBindings(Account, Log);
            PlanAndApply(async ct =>
                {
                    var level = Level();
                    var targets = await ResolveAsync(level, ct).ConfigureAwait(false);
                    return await (Exclusive ? bindings.PlanReplaceAsync(level, targets, ct) : bindings.PlanGrantAsync(level, targets, Boundary, ct))
                        .ConfigureAwait(false);
                }, Target, granted => WriteObject(granted, true), Exclusive ? ApproveUnbinding : plan => Approve(plan));
        }

        /// <summary>-Exclusive unbinds other policies: after ShouldProcess it asks again, unless -Force.</summary>
        private Approval ApproveUnbinding(Plan<IReadOnlyList<PolicyBinding>> plan)
        {
            var approval = Approve(plan, Force);
            if (approval != Approval.Apply || Force) return approval;
            return ShouldContinue($"{plan.Target}: unbind every other policy from these groups?{System.Environment.NewLine}{plan.Describe()}",
                "Replace policy bindings") ? Approval.Apply : Approval.Declined;
        }
    }
}
