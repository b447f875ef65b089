using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>The active version of an extension (by default da-aws), which a monitoring configuration must name.</summary>
    [Cmdlet(VerbsCommon.Get, "DtExtensionSchemaVersion")]
    [OutputType(typeof(ExtensionVersion))]
    public sealed class GetDtExtensionSchemaVersionCommand : DtEnvironmentCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExtensionName { get; set; } = ExtensionVersions.DaAws;

        protected override void ProcessRecord()
        {
            if (TryRun(ct => new ExtensionVersions(Environment, Log).GetAsync(ExtensionName, ct), ExtensionName, out var version))
                WriteObject(version);
        }
    }
}
