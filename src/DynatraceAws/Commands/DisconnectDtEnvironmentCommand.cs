using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>Forgets the session's Dynatrace environment and its token.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DtEnvironment", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectDtEnvironmentCommand : DtCmdlet
    {
        protected override void ProcessRecord() =>
            ConnectionStore.Environment.Disconnect(this, "environment", "Connect-DtEnvironment", "the DT_ENVIRONMENT_URL variables");
    }
}
