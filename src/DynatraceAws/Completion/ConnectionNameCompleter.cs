using System.Linq;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>Connection -Name: the AWS connections of the environment, read live.</summary>
    public sealed class ConnectionNameCompleter : LiveCompleter
    {
        public ConnectionNameCompleter()
            : base(async (environment, ct) =>
                (await new AwsConnections(environment).ListAsync(ct).ConfigureAwait(false)).Select(c => new Candidate(c.ConnectionName, c.ConnectionName)))
        {
        }
    }
}
