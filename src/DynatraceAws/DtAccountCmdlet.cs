using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that calls the account management API: -AccountConnection's account, the session's, or the CI variables'.</summary>
    public abstract class DtAccountCmdlet : DtCmdlet
    {
        private DynatraceAccount? _account;

        /// <summary>The account to use instead of the one Connect-DtAccount set.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        /// <summary>Resolved once, on the pipeline thread, before the first input.</summary>
        internal DynatraceAccount Account => _account ?? throw new InvalidOperationException("BeginProcessing resolves the account.");

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _account = AccountResolution.Resolve(this, AccountConnection);
        }
    }
}
