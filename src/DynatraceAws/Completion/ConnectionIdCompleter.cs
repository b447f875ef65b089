using System.Linq;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-ConnectionId: the ids of the environment's AWS connections, read live, found and listed by name too.</summary>
    public sealed class ConnectionIdCompleter : LiveCompleter
    {
        public ConnectionIdCompleter()
            : base(async (environment, ct) =>
                (await new AwsConnections(environment).ListAsync(ct).ConfigureAwait(false))
                .Select(c => new Candidate(c.ConnectionId, c.AccountId is null ? c.ConnectionName : $"{c.ConnectionName} ({c.AccountId})")))
        {
        }
    }
}
