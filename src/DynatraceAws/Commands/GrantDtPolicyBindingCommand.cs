using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Binds policies to groups, adding to what is bound; bindings that exist are neither asked about nor
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
            if (!TryResolve(out var level, out var targets, out var target)) return;
            var bindings = new PolicyBindings(Account, Log);
            if (Exclusive) ReplaceAll(bindings, level, targets);
            else Add(bindings, level, targets, target);
        }

        private void Add(PolicyBindings bindings, PolicyLevel level, BindingTargets targets, string target)
        {
            if (!TryRun(ct => bindings.PlanGrantAsync(level, targets, ct), target, out var changes)) return;
            var notMade = new List<BindingChange>();
            foreach (var change in changes)
            {
                if (ShouldProcess($"policy {change.Policy} at {level}", $"Bind to {Groups(change.Groups)}")
                    && TryRun(ct => bindings.BindAsync(level, change, Boundary, ct), change.Policy.Uuid, out _))
                    continue;
                notMade.Add(change);
            }
            WriteObject(targets.BindingsExcept(level, notMade), true);
        }

        private void ReplaceAll(PolicyBindings bindings, PolicyLevel level, BindingTargets targets)
        {
            if (!TryRun(ct => bindings.PlanReplaceAsync(level, targets, ct), targets.Groups[0].Uuid, out var differing)) return;
            var policies = targets.Policies.Select(p => p.Uuid).ToArray();
            foreach (var group in targets.Groups)
            {
                if (differing.Contains(group))
                {
                    var where = $"group {group} at {level}";
                    if (!ShouldProcess(where, $"Replace all policy bindings with {string.Join(", ", targets.Policies)}")) continue;
                    if (!Force && !ShouldContinue($"Unbind every other policy from {where}?", "Replace policy bindings")) continue;
                    if (!TryRun(ct => bindings.ReplaceForGroupAsync(level, group.Uuid, policies, ct), group.Uuid)) continue;
                }
                WriteObject(policies.Select(p => new PolicyBinding(p, group.Uuid, level.Type, level.Id)), true);
            }
        }

        private static string Groups(IReadOnlyList<IamReference> groups) => (groups.Count == 1 ? "group " : "groups ") + string.Join(", ", groups);
    }
}
