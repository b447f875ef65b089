using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>Shows the session's Dynatrace environment, without its secret; nothing when there is none, as Get-AzContext does.</summary>
    [Cmdlet(VerbsCommon.Get, "DtEnvironment")]
    [OutputType(typeof(DynatraceEnvironment))]
    public sealed class GetDtEnvironmentCommand : DtEnvironmentCmdlet
    {
        /// <summary>Not being connected is the answer here, not an error.</summary>
        protected override void BeginProcessing()
        {
        }

        protected override void ProcessRecord()
        {
            if (EnvironmentResolution.Find(this, Connection) is { } environment) WriteObject(environment);
        }
    }
}
