using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Binds policies to groups, adding to what is bound and doing nothing for bindings that exist.
    /// -Exclusive makes each group bound to exactly these policies, after confirmation.
    /// </summary>
    [Cmdlet(VerbsSecurity.Grant, "DtPolicyBinding", SupportsShouldProcess = true)]
    [OutputType(typeof(PolicyBinding))]
    public sealed class GrantDtPolicyBindingCommand : DtPolicyLevelCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] PolicyName { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] PolicyUuid { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] GroupName { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] GroupUuid { get; set; } = new string[0];

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
            if (!TryGetLevel(PolicyName.Concat(PolicyUuid).FirstOrDefault() ?? "", out var level)) return;
            if (PolicyName.Length + PolicyUuid.Length == 0 || GroupName.Length + GroupUuid.Length == 0)
            {
                WriteError(ErrorRecords.From(new PSArgumentException("Name at least one policy (-PolicyName or -PolicyUuid) and one group (-GroupName or -GroupUuid)."), null));
                return;
            }
            var references = new IamReferences(Account, Log);
            if (!TryRun(ct => references.PolicyUuidsAsync(level, PolicyName, PolicyUuid, ct), PolicyName.Concat(PolicyUuid).First(), out var policies)) return;
            if (!TryRun(ct => references.GroupUuidsAsync(GroupName, GroupUuid, ct), GroupName.Concat(GroupUuid).First(), out var groups)) return;
            var bindings = new PolicyBindings(Account, Log);
            if (Exclusive)
            {
                foreach (var group in groups)
                {
                    var target = $"group {group} at {level}";
                    if (!ShouldProcess(target, $"Replace all policy bindings with {string.Join(", ", policies)}")) continue;
                    if (!Force && !ShouldContinue($"Unbind every other policy from {target}?", "Replace policy bindings")) continue;
                    if (TryRun(ct => bindings.ReplaceForGroupAsync(level, group, policies, ct), group)) WriteBindings(policies, new[] { group }, level);
                }
                return;
            }
            if (!ShouldProcess($"groups {string.Join(", ", groups)} at {level}", $"Bind {string.Join(", ", policies)}")) return;
            if (TryRun(ct => bindings.GrantAsync(level, policies, groups, Boundary, ct), PolicyName.Concat(PolicyUuid).First(), out _))
                WriteBindings(policies, groups, level);
        }

        /// <summary>Every requested binding, new or already there, so the output pipes on the same way after a rerun.</summary>
        private void WriteBindings(System.Collections.Generic.IEnumerable<string> policies, System.Collections.Generic.IReadOnlyCollection<string> groups, PolicyLevel level) =>
            WriteObject(policies.SelectMany(p => groups.Select(g => new PolicyBinding(p, g, level.Type, level.Id))), true);
    }
}
