using System;
using System.Management.Automation;
using System.Security;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Connects the session to the account management API of a Dynatrace account with an OAuth client.</summary>
    [Cmdlet(VerbsCommunications.Connect, "DtAccount", DefaultParameterSetName = OAuthClientSet)]
    [OutputType(typeof(DynatraceAccount))]
    public sealed class ConnectDtAccountCommand : DtCmdlet
    {
        private const string OAuthClientSet = "OAuthClient";
        private const string OAuthCredentialSet = "OAuthCredential";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AccountUuid { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = OAuthClientSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = OAuthClientSet)]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; } = null!;

        /// <summary>The client ID as the user name, the client secret as the password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthCredentialSet)]
        [ValidateNotNull]
        public PSCredential ClientCredential { get; set; } = null!;

        /// <summary>Another SSO token endpoint than Dynatrace's, such as the emulator's.</summary>
        [Parameter]
        public Uri? TokenEndpoint { get; set; }

        /// <summary>Another account management API than https://api.dynatrace.com, such as the emulator's.</summary>
        [Parameter]
        public Uri? ApiUrl { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Scope { get; set; }

        protected override void ProcessRecord()
        {
            DynatraceAccount account;
            try
            {
                account = ParameterSetName == OAuthCredentialSet
                    ? DynatraceAccount.WithOAuthClient(AccountUuid, ClientCredential.UserName, ClientCredential.Password, ApiUrl, TokenEndpoint, Scope)
                    : DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, ClientSecret, ApiUrl, TokenEndpoint, Scope);
            }
            catch (Exception ex)
            {
                Terminate(ex, AccountUuid);
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
                Terminate(ex, AccountUuid);
                return;
            }
            // The previous account is not disposed: a script may still hold it for -AccountConnection.
            AccountConnectionStore.Current = account;
            WriteObject(account);
        }
    }
}
