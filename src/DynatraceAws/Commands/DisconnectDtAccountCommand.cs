using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>Forgets the session's Dynatrace account and its OAuth client.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DtAccount", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectDtAccountCommand : DtCmdlet
    {
        protected override void ProcessRecord() =>
            ConnectionStore.Account.Disconnect(this, "account", "Connect-DtAccount", "the DT_ACCOUNT_UUID variables");
    }
}
