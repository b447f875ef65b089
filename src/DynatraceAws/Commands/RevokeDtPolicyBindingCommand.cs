using System.Linq;
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
    public sealed class RevokeDtPolicyBindingCommand : DtPolicyLevelCmdlet
    {
        // No [ValidateNotNullOrEmpty] on the four: a CSV row leaves the columns it does not use empty, and Core ignores blank values.

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] PolicyName { get; set; } = new string[0];

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[] PolicyUuid { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] GroupName { get; set; } = new string[0];

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string[] GroupUuid { get; set; } = new string[0];

        /// <summary>Unbinds without asking; -WhatIf still only shows what would be unbound.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var target = PolicyName.Concat(PolicyUuid).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
            if (!TryGetLevel(target, out var level)) return;
            if (!TryRun(ct => new IamReferences(Account, Log).ResolveAsync(level, PolicyName, PolicyUuid, GroupName, GroupUuid, ct), target, out var targets))
                return;
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
