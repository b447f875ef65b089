using System;
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

        internal DynatraceEnvironment Environment
        {
            get
            {
                if (_environment != null) return _environment;
                if (Connection != null)
                {
                    WriteDebug($"Using the environment passed with -Connection: {Connection}.");
                    return _environment = Connection;
                }
                if (ConnectionStore.Current is { } current)
                {
                    WriteDebug($"Using the environment of Connect-DtEnvironment: {current}.");
                    return _environment = current;
                }
                try
                {
                    if (DynatraceEnvironment.FromEnvironmentVariables(System.Environment.GetEnvironmentVariable) is { } fromVariables)
                    {
                        WriteDebug($"Using the environment of DT_ENVIRONMENT_URL: {fromVariables}.");
                        ConnectionStore.Current = fromVariables;
                        return _environment = fromVariables;
                    }
                }
                catch (Exception ex) when (ex is not PipelineStoppedException)
                {
                    Terminate(ex, null);
                }
                ThrowTerminatingError(ErrorRecords.NotConnected());
                throw new InvalidOperationException("unreachable");
            }
        }

        private DynatraceEnvironment? _environment;
    }
}
