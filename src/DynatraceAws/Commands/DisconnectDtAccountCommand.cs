using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>Forgets the session's Dynatrace account and its OAuth client.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DtAccount", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectDtAccountCommand : DtCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = AccountConnectionStore.Current;
            if (current is null)
            {
                WriteVerbose("Not connected to an account; nothing to disconnect.");
                return;
            }
            if (!ShouldProcess(current.ToString(), "Disconnect")) return;
            // Not disposed: a script may still pass it with -AccountConnection.
            AccountConnectionStore.Current = null;
        }
    }
}
