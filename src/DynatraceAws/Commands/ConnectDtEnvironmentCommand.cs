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
            catch (Core.Dynatrace.DynatraceApiException ex) when (ex.StatusCode == 401)
            {
                environment.Dispose();
                Terminate(ex, EnvironmentUrl);
                return;
            }
            catch (Core.Errors.DynatraceAwsException ex)
            {
                WriteWarning($"Connected, but: {ex.Message} {ex.RecommendedAction}");
            }

            var previous = ConnectionStore.Current;
            ConnectionStore.Current = environment;
            if (previous != null && !ReferenceEquals(previous, environment)) previous.Dispose();
            WriteObject(environment);
        }
    }
}
