using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>Connection -Name: the AWS connections of the environment, read live.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            LiveCompletion.Complete(fakeBoundParameters, wordToComplete, async (environment, ct) =>
                (await new AwsConnections(environment).ListAsync(ct).ConfigureAwait(false)).Select(c => new Candidate(c.Name, c.Name)));
    }
}
