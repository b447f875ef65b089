using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>Shows the session's Dynatrace environment, without its secret; nothing when there is none, as Get-AzContext does.</summary>
    [Cmdlet(VerbsCommon.Get, "DtEnvironment")]
    [OutputType(typeof(DynatraceEnvironment))]
    public sealed class GetDtEnvironmentCommand : DtCmdlet
    {
        /// <summary>The environment to show instead of the session's.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        // Not being connected is the answer here, not an error: the environment is looked for, not required.
        protected override void ProcessRecord()
        {
            if (EnvironmentResolution.Find(this, Connection) is { } environment) WriteObject(environment);
        }
    }
}
