using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that calls a Dynatrace environment: the session's, -Connection's, or the CI variables'.</summary>
    public abstract class DtEnvironmentCmdlet : DtCmdlet
    {
        private DynatraceEnvironment? _environment;

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        /// <summary>Resolved once, on the pipeline thread, before the first input: Core calls may read it from any thread.</summary>
        internal DynatraceEnvironment Environment => _environment ?? throw new InvalidOperationException("BeginProcessing resolves the environment.");

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _environment = EnvironmentResolution.Resolve(this, Connection);
        }
    }
}
