using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Shows the session's Dynatrace account, without its secret; nothing when there is none.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAccount")]
    [OutputType(typeof(DynatraceAccount))]
    public sealed class GetDtAccountCommand : DtAccountCmdlet
    {
        /// <summary>Not being connected is the answer here, not an error.</summary>
        protected override void BeginProcessing()
        {
        }

        protected override void ProcessRecord()
        {
            if (FindAccount() is { } account) WriteObject(account);
        }
    }
}
