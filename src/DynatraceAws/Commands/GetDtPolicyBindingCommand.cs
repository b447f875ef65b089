using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Gets the policy bindings of a level, of one policy, or of one group.</summary>
    [Cmdlet(VerbsCommon.Get, "DtPolicyBinding")]
    [OutputType(typeof(PolicyBinding))]
    public sealed class GetDtPolicyBindingCommand : DtPolicyLevelCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? PolicyUuid { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? GroupUuid { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetLevel(PolicyUuid ?? GroupUuid ?? "", out var level)) return;
            if (TryRun(ct => new PolicyBindings(Account, Log).ListAsync(level, PolicyUuid, ct), PolicyUuid, out var bindings))
                WriteObject(bindings.Where(b => GroupUuid is null || string.Equals(b.GroupUuid, GroupUuid, System.StringComparison.OrdinalIgnoreCase)), true);
        }
    }
}
