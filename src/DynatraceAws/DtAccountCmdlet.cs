using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that calls the account management API: -AccountConnection's account, the session's, or the CI variables'.</summary>
    public abstract class DtAccountCmdlet : DtCmdlet
    {
        /// <summary>The account to use instead of the one Connect-DtAccount set.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseAccount(AccountConnection);
        }
    }
}
