using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that works on policy bindings: policies and groups named by name or UUID, as a CSV row names them.</summary>
    public abstract class DtPolicyBindingCmdlet : DtPolicyLevelCmdlet
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

        /// <summary>What an error of the record is about: its first policy.</summary>
        internal string Target => PolicyName.Concat(PolicyUuid).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";

        /// <summary>The policies and groups this record names, as the account has them.</summary>
        internal Task<BindingTargets> ResolveAsync(PolicyLevel level, CancellationToken ct) =>
            new IamReferences(Account, Log).ResolveAsync(level, PolicyName, PolicyUuid, GroupName, GroupUuid, ct);
    }
}
