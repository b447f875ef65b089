using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>Forgets the session's Dynatrace environment and its token.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DtEnvironment", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectDtEnvironmentCommand : DtCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = ConnectionStore.Current;
            if (current is null)
            {
                WriteVerbose("Not connected; nothing to disconnect.");
                return;
            }
            if (!ShouldProcess(current.EnvironmentUrl, "Disconnect")) return;
            // Not disposed: a script may still pass it with -Connection.
            ConnectionStore.Current = null;
        }
    }
}
