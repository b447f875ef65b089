using System;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// The Dynatrace environment or account a cmdlet calls. Each cmdlet declares the parameter that
    /// names it (-Connection, -AccountConnection) and resolves it here in BeginProcessing, once, on the
    /// pipeline thread: Core calls may then read it from any thread.
    /// </summary>
    public abstract partial class DtCmdlet
    {
        private DynatraceEnvironment? _environment;
        private DynatraceAccount? _account;

        internal DynatraceEnvironment Environment => _environment ?? throw new InvalidOperationException("BeginProcessing resolves the environment.");

        internal DynatraceAccount Account => _account ?? throw new InvalidOperationException("BeginProcessing resolves the account.");

        /// <summary>-Connection's environment, the session's, or the CI variables'; stops the command when there is none.</summary>
        private protected void UseEnvironment(DynatraceEnvironment? connection) => _environment = EnvironmentResolution.Resolve(this, connection);

        /// <summary>-AccountConnection's account, the session's, or the CI variables'; stops the command when there is none.</summary>
        private protected void UseAccount(DynatraceAccount? connection) => _account = AccountResolution.Resolve(this, connection);
    }
}
