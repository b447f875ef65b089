using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Shows the session's Dynatrace account, without its secret; nothing when there is none.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAccount")]
    [OutputType(typeof(DynatraceAccount))]
    public sealed class GetDtAccountCommand : DtCmdlet
    {
        /// <summary>The account to show instead of the session's.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        // Not being connected is the answer here, not an error: the account is looked for, not required.
        protected override void ProcessRecord()
        {
            if (AccountResolution.Find(this, AccountConnection) is { } account) WriteObject(account);
        }
    }
}
