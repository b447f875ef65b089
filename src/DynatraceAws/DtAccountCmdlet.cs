using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that calls the account management API: -AccountConnection's account, the session's, or the CI variables'.</summary>
    public abstract class DtAccountCmdlet : DtCmdlet
    {
        private DynatraceAccount? _account;

        /// <summary>The account to use instead of the one Connect-DtAccount set.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        /// <summary>Resolved once, on the pipeline thread, before the first input.</summary>
        internal DynatraceAccount Account => _account ?? throw new InvalidOperationException("BeginProcessing resolves the account.");

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _account = FindAccount();
            if (_account is null)
                Terminate(NotConnected("Not connected to a Dynatrace account.",
                    "Run Connect-DtAccount, pass -AccountConnection, or set DT_ACCOUNT_UUID with DT_CLIENT_ID and DT_CLIENT_SECRET."), null);
        }

        /// <summary>-AccountConnection's account, the session's, or the CI variables' (which then become the session's); null when none. Broken CI variables stop the command.</summary>
        internal DynatraceAccount? FindAccount()
        {
            if (AccountConnection != null) return AccountConnection;
            var session = ConnectionStore.Account;
            if (session.Current is { } current) return current;
            if (session.FailedConnect is { } failed)
                Terminate(NotConnected($"Not connected to a Dynatrace account: the last Connect-DtAccount, to {failed}, failed.",
                    "Run Connect-DtAccount again or pass -AccountConnection."), null);
            try
            {
                if (DynatraceAccount.FromEnvironmentVariables(System.Environment.GetEnvironmentVariable) is { } fromVariables)
                {
                    WriteDebug($"Using the account of DT_ACCOUNT_UUID: {fromVariables}.");
                    session.Connect(fromVariables);
                    return fromVariables;
                }
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                Terminate(ex, "DT_ACCOUNT_UUID");
            }
            return null;
        }

        private static DynatraceAwsException NotConnected(string message, string fix) =>
            new DynatraceAwsException("NotConnectedToAccount", FailureCategory.AuthenticationError, message, fix);
    }
}
