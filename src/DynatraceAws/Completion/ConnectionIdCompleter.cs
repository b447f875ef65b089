using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-ConnectionId: the ids of the environment's AWS connections, read live, found and listed by name too.</summary>
    public sealed class ConnectionIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            LiveCompletion.Complete(fakeBoundParameters, wordToComplete, async (environment, ct) =>
                (await new AwsConnections(environment).ListAsync(ct).ConfigureAwait(false))
                .Select(c => new Candidate(c.ConnectionId, c.AccountId is null ? c.Name : $"{c.Name} ({c.AccountId})")));
    }
}
