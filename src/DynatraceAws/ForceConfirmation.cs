using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>The confirmation rule of AWS.Tools for cmdlets with -Force: -WhatIf always wins, then -Force skips the prompt.</summary>
    internal static class ForceConfirmation
    {
        public static bool ShouldProcessUnlessForced(this PSCmdlet cmdlet, bool force, string target, string action) =>
            (force && !IsWhatIf(cmdlet)) || cmdlet.ShouldProcess(target, action);

        public static bool IsWhatIf(this PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
    }
}
