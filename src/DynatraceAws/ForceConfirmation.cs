using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>The confirmation rule of AWS.Tools for cmdlets with -Force: -WhatIf always wins, then -Force skips the prompt.</summary>
    internal static class ForceConfirmation
    {
        /// <summary>
        /// Whether ShouldProcess would ask about a change of <paramref name="impact"/>, for a cmdlet
        /// whose own ConfirmImpact is higher: with -Confirm, or when $ConfirmPreference is at or below it.
        /// </summary>
        public static bool WouldConfirm(this PSCmdlet cmdlet, ConfirmImpact impact)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm)) return ((SwitchParameter)confirm).IsPresent;
            return cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact preference
                   && preference != ConfirmImpact.None && preference <= impact;
        }

        public static bool IsWhatIf(this PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
    }
}
