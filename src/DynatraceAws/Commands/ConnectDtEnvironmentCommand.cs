using System;
using System.Management.Automation;
using System.Security;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Connects the session to a Dynatrace environment with a platform token.</summary>
    [Cmdlet(VerbsCommunications.Connect, "DtEnvironment")]
    [OutputType(typeof(DynatraceEnvironment))]
    public sealed class ConnectDtEnvironmentCommand : DtCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EnvironmentUrl { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString Token { get; set; } = null!;

        /// <summary>Only needed when the host does not start with the environment id (a custom domain or the emulator).</summary>
        [Parameter]
        public string? EnvironmentId { get; set; }

        protected override void ProcessRecord()
        {
            DynatraceEnvironment environment;
            try
            {
                environment = DynatraceEnvironment.WithPlatformToken(EnvironmentUrl, Token, EnvironmentId);
            }
            catch (Exception ex)
            {
                Terminate(ex, EnvironmentUrl);
                return;
            }

            WriteVerbose($"Checking the token against {environment} by reading the {ExtensionVersions.DaAws} extension.");
            try
            {
                Run(ct => new ExtensionVersions(environment, Log).GetAsync(ExtensionVersions.DaAws, ct));
            }
            catch (Exception ex) when (IsUsableDespite(ex))
            {
                WriteWarning($"Connected, but: {ex.Message} {(ex as Core.Errors.DynatraceAwsException)?.RecommendedAction}");
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                environment.Dispose();
                Terminate(ex, EnvironmentUrl);
                return;
            }

            // The previous environment is not disposed: a script may still hold it for -Connection.
            ConnectionStore.Current = environment;
            WriteObject(environment);
        }

        /// <summary>The token works but cannot read extensions, or da-aws is missing: connect, and say so.</summary>
        private static bool IsUsableDespite(Exception ex) =>
            ex is Core.Dynatrace.DynatraceApiException { StatusCode: 403 }
            || (ex is Core.Errors.DynatraceAwsException known && known.ErrorId == "ExtensionNotInstalled");
    }
}
