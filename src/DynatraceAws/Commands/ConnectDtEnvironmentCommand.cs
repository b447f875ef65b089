using System;
using System.Management.Automation;
using System.Security;
using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Commands
{
    /// <summary>Connects the session to a Dynatrace environment with a platform token or an OAuth client.</summary>
    [Cmdlet(VerbsCommunications.Connect, "DtEnvironment", DefaultParameterSetName = PlatformTokenSet)]
    [OutputType(typeof(DynatraceEnvironment))]
    public sealed class ConnectDtEnvironmentCommand : DtOAuthConnectCmdlet
    {
        private const string PlatformTokenSet = "PlatformToken";
        private const string ApiTokenSet = "ApiToken";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EnvironmentUrl { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = PlatformTokenSet)]
        [ValidateNotNull]
        public SecureString Token { get; set; } = null!;

        /// <summary>A classic access token (ReadConfig, WriteConfig) for the config v1 AWS credentials API.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiTokenSet)]
        [ValidateNotNull]
        public SecureString ApiToken { get; set; } = null!;

        /// <summary>Only needed when the host does not start with the environment id (a custom domain or the emulator).</summary>
        [Parameter]
        public string? EnvironmentId { get; set; }

        protected override void ProcessRecord()
        {
            DynatraceEnvironment environment;
            try
            {
                environment = Connect();
            }
            catch (Exception ex)
            {
                Fail(ex);
                return;
            }

            try
            {
                CheckToken(environment);
            }
            catch (Exception ex) when (IsUsableDespite(ex))
            {
                WriteWarning($"Connected, but: {ex.Message} {(ex as Core.Errors.DynatraceAwsException)?.RecommendedAction}");
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                environment.Dispose();
                Fail(ex);
                return;
            }

            // The previous environment is not disposed: a script may still hold it for -Connection.
            ConnectionStore.Environment.Connect(environment);
            WriteObject(environment);
        }

        /// <summary>Leaves the session connected to nothing, so that no later cmdlet reaches the previous environment, and says so.</summary>
        private void Fail(Exception ex)
        {
            ConnectionStore.Environment.ConnectFailed(Redactor.Redact(EnvironmentUrl));
            ThrowTerminatingError(ErrorRecords.ConnectFailed(ex, EnvironmentUrl, "Dynatrace environment"));
        }

        private void CheckToken(DynatraceEnvironment environment)
        {
            if (environment.IsClassic)
            {
                WriteVerbose($"Checking the token against {environment} by reading the AWS external ID.");
                Run(ct => new AwsCredentials(environment, Log).GetIamExternalIdAsync(ct));
                return;
            }
            WriteVerbose($"Checking the token against {environment} by reading the {ExtensionVersions.DaAws} extension.");
            Run(ct => new ExtensionVersions(environment, Log).GetAsync(ExtensionVersions.DaAws, ct));
        }

        private DynatraceEnvironment Connect() => ParameterSetName switch
        {
            ApiTokenSet => DynatraceEnvironment.WithApiToken(EnvironmentUrl, ApiToken, EnvironmentId),
            OAuthClientSet or OAuthCredentialSet => DynatraceEnvironment.WithOAuthClient(EnvironmentUrl, OAuthClient.Id, OAuthClient.Secret,
                EnvironmentId, TokenEndpoint, Scope),
            _ => DynatraceEnvironment.WithPlatformToken(EnvironmentUrl, Token, EnvironmentId),
        };

        /// <summary>The token works but cannot read extensions, or da-aws is missing: connect, and say so.</summary>
        private static bool IsUsableDespite(Exception ex) =>
            ex is Core.Dynatrace.DynatraceApiException { StatusCode: 403 }
            || (ex is Core.Errors.DynatraceAwsException known && known.ErrorId == "ExtensionNotInstalled");
    }
}
