using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that calls a Dynatrace environment: the session's, -Connection's, or the CI variables'.</summary>
    public abstract class DtEnvironmentCmdlet : DtCmdlet
    {
        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
        }
    }
}
