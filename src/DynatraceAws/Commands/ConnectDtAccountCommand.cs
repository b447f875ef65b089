using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Commands
{
    /// <summary>Connects the session to the account management API of a Dynatrace account with an OAuth client.</summary>
    [Cmdlet(VerbsCommunications.Connect, "DtAccount", DefaultParameterSetName = OAuthClientSet)]
    [OutputType(typeof(DynatraceAccount))]
    public sealed class ConnectDtAccountCommand : DtOAuthConnectCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AccountUuid { get; set; } = "";

        /// <summary>Another account management API than https://api.dynatrace.com, such as the emulator's.</summary>
        [Parameter]
        public Uri? ApiUrl { get; set; }

        protected override void ProcessRecord()
        {
            DynatraceAccount account;
            try
            {
                var (clientId, secret) = OAuthClient;
                account = DynatraceAccount.WithOAuthClient(AccountUuid, clientId, secret, ApiUrl, TokenEndpoint, Scope);
            }
            catch (Exception ex)
            {
                Fail(ex);
                return;
            }

            WriteVerbose($"Checking the OAuth client by requesting a token for {account}.");
            try
            {
                Run(ct => account.CheckAsync(ct));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                account.Dispose();
                Fail(ex);
                return;
            }
            // The previous account is not disposed: a script may still hold it for -AccountConnection.
            ConnectionStore.Account.Connect(account);
            WriteObject(account);
        }

        /// <summary>Leaves the session connected to no account, so that no later cmdlet reaches the previous one, and says so.</summary>
        private void Fail(Exception ex)
        {
            ConnectionStore.Account.ConnectFailed(Redactor.Redact(AccountUuid));
            ThrowTerminatingError(ErrorRecords.ConnectFailed(ex, AccountUuid, "Dynatrace account"));
        }
    }
}
