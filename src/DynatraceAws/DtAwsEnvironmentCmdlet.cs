using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that works in AWS and calls a Dynatrace environment, as <see cref="DtEnvironmentCmdlet"/> does.</summary>
    public abstract class DtAwsEnvironmentCmdlet : DtAwsCmdlet
    {
        private DynatraceEnvironment? _environment;

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        internal DynatraceEnvironment Environment => _environment ?? throw new InvalidOperationException("BeginProcessing resolves the environment.");

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _environment = EnvironmentResolution.Resolve(this, Connection);
        }
    }
}
