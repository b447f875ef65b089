using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-AccountId: the AWS accounts the environment's connections and monitoring configurations name, read live, found and listed by connection name too.</summary>
    public sealed class AccountIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            LiveCompletion.Complete(fakeBoundParameters, wordToComplete, async (environment, ct) =>
            {
                var connections = new AwsConnections(environment).ListAsync(ct);
                var configurations = new MonitoringConfigurations(environment).ListAsync(ct);
                await Task.WhenAll(connections, configurations).ConfigureAwait(false);
                var named = connections.Result.Where(c => c.AccountId != null).Select(c => new Candidate(c.AccountId!, $"{c.Name} ({c.AccountId})"));
                var configured = configurations.Result.Select(c => new Candidate(c.AccountId, $"{c.Description} ({c.AccountId})"));
                return named.Concat(configured).GroupBy(c => c.Value).Select(g => g.First()).OrderBy(c => c.Value);
            });
    }
}
