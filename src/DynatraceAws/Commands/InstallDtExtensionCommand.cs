using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Adds an extension (by default da-aws) to the environment from the Dynatrace Hub.</summary>
    [Cmdlet(VerbsLifecycle.Install, "DtExtension", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtensionVersion))]
    public sealed class InstallDtExtensionCommand : DtEnvironmentCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExtensionName { get; set; } = ExtensionVersions.DaAws;

        /// <summary>The version to add; the newest when left out.</summary>
        [Parameter]
        public string? Version { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"{ExtensionName} in {Environment}", "Install extension")) return;
            if (TryRun(ct => new ExtensionVersions(Environment, Log).InstallAsync(ExtensionName, Version, ct), ExtensionName, out var version))
                WriteObject(version);
        }
    }
}
