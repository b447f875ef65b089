using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>
    /// Connection -Name: the AWS connections of the session's environment (or -Connection's), read
    /// live. Tab completion must be quick and never fail, so it gives up after two seconds and says nothing.
    /// </summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var environment = PSObject.AsPSObject(fakeBoundParameters["Connection"] ?? new object()).BaseObject as DynatraceEnvironment
                              ?? ConnectionStore.Environment.Current;
            if (environment is null) return Array.Empty<CompletionResult>();
            try
            {
                using var cancel = new CancellationTokenSource(Patience);
                var list = new AwsConnections(environment).ListAsync(cancel.Token);
                return list.Wait(Patience) ? Completions.Matching(list.Result.Select(c => c.Name), wordToComplete).ToArray() : Array.Empty<CompletionResult>();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
