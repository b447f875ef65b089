using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Commands
{
    /// <summary>Which Dynatrace account a cmdlet calls: -AccountConnection's, the session's, or the CI variables'.</summary>
    internal static class AccountResolution
    {
        /// <summary>Runs on the pipeline thread, before the first input; stops the command when there is no account.</summary>
        public static DynatraceAccount Resolve(DtCmdlet cmdlet, DynatraceAccount? connection)
        {
            if (Find(cmdlet, connection) is { } account) return account;
            cmdlet.Terminate(NotConnected("Not connected to a Dynatrace account.",
                "Run Connect-DtAccount, pass -AccountConnection, or set DT_ACCOUNT_UUID with DT_CLIENT_ID and DT_CLIENT_SECRET."), null);
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>As <see cref="Resolve"/>, but null when there is no account; broken CI variables or a failed Connect-DtAccount still stop the command.</summary>
        public static DynatraceAccount? Find(DtCmdlet cmdlet, DynatraceAccount? connection)
        {
            if (connection != null) return connection;
            var session = ConnectionStore.Account;
            if (session.Current is { } current) return current;
            if (session.FailedConnect is { } failed)
                cmdlet.Terminate(NotConnected($"Not connected to a Dynatrace account: the last Connect-DtAccount, to {failed}, failed.",
                    "Run Connect-DtAccount again or pass -AccountConnection."), null);
            try
            {
                if (DynatraceAccount.FromEnvironmentVariables(System.Environment.GetEnvironmentVariable) is { } fromVariables)
                {
                    cmdlet.WriteDebug($"Using the account of DT_ACCOUNT_UUID: {fromVariables}.");
                    session.Connect(fromVariables);
                    return fromVariables;
                }
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                cmdlet.Terminate(ex, "DT_ACCOUNT_UUID");
            }
            return null;
        }

        private static DynatraceAwsException NotConnected(string message, string fix) =>
            new DynatraceAwsException("NotConnectedToAccount", FailureCategory.AuthenticationError, message, fix);
    }
}
