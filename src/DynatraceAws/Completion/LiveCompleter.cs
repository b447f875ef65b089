using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>
    /// Completion from what the environment holds now: the one the command line passes with
    /// -Connection, else the session's. Tab completion must be quick and never fail, so it gives up
    /// after two seconds and then, as on any failure or without an environment, says nothing.
    /// </summary>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

        private readonly Func<DynatraceEnvironment, CancellationToken, Task<IEnumerable<Candidate>>> _read;

        /// <param name="read">Reads the candidates from the environment.</param>
        private protected LiveCompleter(Func<DynatraceEnvironment, CancellationToken, Task<IEnumerable<Candidate>>> read) => _read = read;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var environment = PSObject.AsPSObject(fakeBoundParameters["Connection"] ?? new object()).BaseObject as DynatraceEnvironment
                              ?? ConnectionStore.Environment.Current;
            if (environment is null) return Array.Empty<CompletionResult>();
            try
            {
                using var cancel = new CancellationTokenSource(Patience);
                var candidates = _read(environment, cancel.Token);
                return candidates.Wait(Patience) ? Completions.Matching(candidates.Result, wordToComplete).ToArray() : Array.Empty<CompletionResult>();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
