using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>Shows the session's Dynatrace environment, without its secret.</summary>
    [Cmdlet(VerbsCommon.Get, "DtEnvironment")]
    [OutputType(typeof(DynatraceEnvironment))]
    public sealed class GetDtEnvironmentCommand : DtEnvironmentCmdlet
    {
        protected override void ProcessRecord() => WriteObject(Environment);
    }
}
