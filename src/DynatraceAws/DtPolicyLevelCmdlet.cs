using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Commands
{
    /// <summary>An account cmdlet that works on one policy level: the account unless -LevelType and -LevelId say otherwise.</summary>
    public abstract class DtPolicyLevelCmdlet : DtCmdlet
    {
        /// <summary>The account to use instead of the one Connect-DtAccount set.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        /// <summary>account, environment or global; empty (a blank CSV cell) is account. Checked per record by <see cref="PolicyLevel.For"/>, not by a ValidateSet, which would refuse the empty cell.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LevelTypeCompleter))]
        public string? LevelType { get; set; } = PolicyLevel.Account;

        /// <summary>The account UUID or environment ID; the connected account when omitted at account level.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LevelId { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseAccount(AccountConnection);
        }

        /// <summary>Read per input record, as piped policies and bindings carry their own level; a bad one fails that record's check.</summary>
        internal PolicyLevel Level() => PolicyLevel.For(Account, LevelType, LevelId);

        /// <summary><see cref="Level"/> for a Get, which runs no check: a bad level is an error for that record.</summary>
        internal bool TryGetLevel(object target, out PolicyLevel level)
        {
            try
            {
                level = Level();
                return true;
            }
            catch (InvalidInputException ex)
            {
                WriteError(ErrorRecords.From(ex, target));
                level = null!;
                return false;
            }
        }
    }
}
