using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DynatraceAws.Core.Aws.Credentials;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-ProfileName: the profiles of the AWS config and credentials files. Silent when they cannot be read.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Completions.Matching(AwsProfiles.Names(), wordToComplete).ToArray();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
