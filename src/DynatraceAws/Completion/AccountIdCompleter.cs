using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-AccountId: the AWS accounts the environment's connections and monitoring configurations name, read live, found and listed by connection name too.</summary>
    public sealed class AccountIdCompleter : LiveCompleter
    {
        public AccountIdCompleter()
            : base(async (environment, ct) =>
            {
                var connections = new AwsConnections(environment).ListAsync(ct);
                var configurations = new MonitoringConfigurations(environment).ListAsync(ct);
                await Task.WhenAll(connections, configurations).ConfigureAwait(false);
                var named = connections.Result.Where(c => c.AccountId != null).Select(c => new Candidate(c.AccountId!, $"{c.ConnectionName} ({c.AccountId})"));
                var configured = configurations.Result.Select(c => new Candidate(c.AccountId, $"{c.Description} ({c.AccountId})"));
                return named.Concat(configured).GroupBy(c => c.Value).Select(g => g.First()).OrderBy(c => c.Value);
            })
        {
        }
    }
}
