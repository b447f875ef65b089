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

        /// <summary>The version to add; the newest when left out or blank.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Version { get; set; }

        protected override void ProcessRecord()
        {
            var versions = new ExtensionVersions(Environment, Log);
            PlanAndApply(ct => versions.PlanInstallAsync(ExtensionName, Version, ct), ExtensionName, WriteObject);
        }
    }
}
