using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>Which Dynatrace environment a cmdlet calls: -Connection's, the session's, or the CI variables'.</summary>
    internal static class EnvironmentResolution
    {
        /// <summary>Runs on the pipeline thread, before the first input; stops the command when there is no environment.</summary>
        public static DynatraceEnvironment Resolve(DtCmdlet cmdlet, DynatraceEnvironment? connection)
        {
            if (Find(cmdlet, connection) is { } environment) return environment;
            cmdlet.ThrowTerminatingError(ErrorRecords.NotConnected(null));
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>As <see cref="Resolve"/>, but null when there is no environment; broken CI variables still stop the command.</summary>
        public static DynatraceEnvironment? Find(DtCmdlet cmdlet, DynatraceEnvironment? connection)
        {
            if (connection != null)
            {
                cmdlet.WriteDebug($"Using the environment passed with -Connection: {connection}.");
                return connection;
            }
            var session = ConnectionStore.Environment;
            if (session.Current is { } current)
            {
                cmdlet.WriteDebug($"Using the environment of Connect-DtEnvironment: {current}.");
                return current;
            }
            if (session.FailedConnect is { } failed)
                cmdlet.ThrowTerminatingError(ErrorRecords.NotConnected(failed));
            try
            {
                if (DynatraceEnvironment.FromEnvironmentVariables(System.Environment.GetEnvironmentVariable) is { } fromVariables)
                {
                    cmdlet.WriteDebug($"Using the environment of DT_ENVIRONMENT_URL: {fromVariables}.");
                    session.Connect(fromVariables);
                    return fromVariables;
                }
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                cmdlet.Terminate(ex, "DT_ENVIRONMENT_URL");
            }
            return null;
        }
    }
}
