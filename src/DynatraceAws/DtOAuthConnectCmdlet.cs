using System;
using System.Management.Automation;
using System.Security;

namespace DynatraceAws.Commands
{
    /// <summary>The OAuth client parameters that Connect-DtEnvironment and Connect-DtAccount share.</summary>
    public abstract class DtOAuthConnectCmdlet : DtCmdlet
    {
        protected const string OAuthClientSet = "OAuthClient";
        protected const string OAuthCredentialSet = "OAuthCredential";

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
        [Parameter(ParameterSetName = OAuthClientSet)]
        [Parameter(ParameterSetName = OAuthCredentialSet)]
        public Uri? TokenEndpoint { get; set; }

        [Parameter(ParameterSetName = OAuthClientSet)]
        [Parameter(ParameterSetName = OAuthCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Scope { get; set; }

        /// <summary>The client of whichever OAuth parameter set was used.</summary>
        internal (string Id, SecureString Secret) OAuthClient =>
            ParameterSetName == OAuthCredentialSet ? (ClientCredential.UserName, ClientCredential.Password) : (ClientId, ClientSecret);
    }
}
