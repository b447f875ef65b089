using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-ConfigurationId: the ids of the environment's monitoring configurations, read live, found and listed by description and account too.</summary>
    public sealed class ConfigurationIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            LiveCompletion.Complete(fakeBoundParameters, wordToComplete, async (environment, ct) =>
                (await new MonitoringConfigurations(environment).ListAsync(ct).ConfigureAwait(false))
                .Select(c => new Candidate(c.ConfigurationId, $"{c.Description} ({c.AccountId})")));
    }
}
