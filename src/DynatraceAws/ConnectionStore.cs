using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>The session's connections: Connect-DtEnvironment's environment and Connect-DtAccount's account.</summary>
    internal static class ConnectionStore
    {
        public static SessionConnection<DynatraceEnvironment> Environment { get; } = new SessionConnection<DynatraceEnvironment>();

        public static SessionConnection<DynatraceAccount> Account { get; } = new SessionConnection<DynatraceAccount>();
    }
}
