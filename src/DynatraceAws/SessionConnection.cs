using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// The connection of each runspace (parallel runspaces neither share nor race on it; they pass
    /// it explicitly instead), or the failure of its last Connect. A failed Connect leaves nothing
    /// connected: not the previous connection, and not the one the CI variables would make, until
    /// the next Connect or Disconnect; otherwise the next cmdlet would quietly work elsewhere.
    /// </summary>
    internal sealed class SessionConnection<T> where T : class
    {
        private readonly ConditionalWeakTable<Runspace, State> _byRunspace = new ConditionalWeakTable<Runspace, State>();

        public T? Current => Mine?.Connected;

        /// <summary>What the last Connect of this runspace tried and failed to reach, redacted; null after a success or a Disconnect.</summary>
        public string? FailedConnect => Mine?.FailedConnect;

        public void Connect(T connection) => Set(connection, null);

        public void ConnectFailed(string attempt) => Set(null, attempt);

        public void Disconnect() => Set(null, null);

        /// <summary>Disconnect-DtEnvironment and Disconnect-DtAccount: forget the connection, or the failure of the last Connect.</summary>
        /// <param name="what">"environment", "account": what is connected.</param>
        /// <param name="connect">The command that connects it, for the verbose stream.</param>
        /// <param name="fallback">What applies once this is forgotten, for the verbose stream.</param>
        public void Disconnect(DtCmdlet cmdlet, string what, string connect, string fallback)
        {
            if (Current is { } current)
            {
                if (!cmdlet.ShouldProcess(current.ToString(), "Disconnect")) return;
                // Not disposed: a script may still pass it to -Connection or -AccountConnection.
                Disconnect();
            }
            else if (FailedConnect is { } failed)
            {
                cmdlet.WriteVerbose($"Forgetting the failed {connect} to {failed}; {fallback} apply again, if set.");
                Disconnect();
            }
            else cmdlet.WriteVerbose($"Not connected to an {what}; nothing to disconnect.");
        }

        private State? Mine => Runspace.DefaultRunspace is { } runspace && _byRunspace.TryGetValue(runspace, out var state) ? state : null;

        private void Set(T? connection, string? failedConnect)
        {
            var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace on this thread.");
            var state = _byRunspace.GetOrCreateValue(runspace);
            state.Connected = connection;
            state.FailedConnect = failedConnect;
        }

        private sealed class State
        {
            public T? Connected;
            public string? FailedConnect;
        }
    }
}
