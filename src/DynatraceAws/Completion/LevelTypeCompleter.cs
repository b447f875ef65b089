using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-LevelType: account, environment, global. Core checks the value, so an empty CSV cell can mean account.</summary>
    public sealed class LevelTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching(PolicyLevel.Types, wordToComplete);
    }
}
