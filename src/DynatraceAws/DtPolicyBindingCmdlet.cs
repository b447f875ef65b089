using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// A cmdlet that works on policy bindings at one level (the account unless -LevelType and -LevelId
    /// say otherwise): policies and groups named by name or UUID, as a CSV row names them.
    /// </summary>
    public abstract class DtPolicyBindingCmdlet : DtCmdlet
    {
        /// <summary>The account to use instead of the one Connect-DtAccount set.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        /// <summary>account, environment or global; empty (a blank CSV cell) is account, as for <see cref="DtPolicyLevelCmdlet"/>.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LevelTypeCompleter))]
        public string? LevelType { get; set; } = PolicyLevel.Account;

        /// <summary>The account UUID or environment ID; the connected account when omitted at account level.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LevelId { get; set; }

        // No [ValidateNotNullOrEmpty] on the four: a CSV row leaves the columns it does not use empty, and Core ignores blank values.

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] PolicyName { get; set; } = new string[0];

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[] PolicyUuid { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] GroupName { get; set; } = new string[0];

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string[] GroupUuid { get; set; } = new string[0];

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseAccount(AccountConnection);
        }

        /// <summary>Read per input record; a bad level fails that record's check.</summary>
        internal PolicyLevel Level() => PolicyLevel.For(Account, LevelType, LevelId);

        /// <summary>What an error of the record is about: its first policy.</summary>
        internal string Target => PolicyName.Concat(PolicyUuid).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";

        /// <summary>The policies and groups this record names, as the account has them.</summary>
        internal Task<BindingTargets> ResolveAsync(PolicyLevel level, CancellationToken ct) =>
            new IamReferences(Account, Log).ResolveAsync(level, PolicyName, PolicyUuid, GroupName, GroupUuid, ct);
    }
}
