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
            var session = ConnectionStore.Environment;
            if (session.Current is null)
            {
                if (session.FailedConnect is { } failed)
                {
                    WriteVerbose($"Forgetting the failed Connect-DtEnvironment to {failed}; the DT_ENVIRONMENT_URL variables apply again, if set.");
                    session.Disconnect();
                }
                else WriteVerbose("Not connected; nothing to disconnect.");
                return;
            }
            if (!ShouldProcess(session.Current.EnvironmentUrl, "Disconnect")) return;
            // Not disposed: a script may still pass it with -Connection.
            session.Disconnect();
        }
    }
}
