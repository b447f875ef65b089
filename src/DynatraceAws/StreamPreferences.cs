using System.Management.Automation;
using System.Reflection;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// -Debug, in a host with a user interface, makes PowerShell ask "Continue with this
    /// operation?" after every verbose message and every warning of a compiled cmdlet (and in
    /// Windows PowerShell 5.1 after every debug message too). Under pwsh -NonInteractive, the host
    /// of every CI step, the first question fails the command, often after its work is done and
    /// before its results are written. Our cmdlets take -Debug as "show every stream" and ask
    /// nothing, at a prompt and in CI alike (docs/api-facts.md, "-Debug and Inquire").
    /// </summary>
    internal static class StreamPreferences
    {
        public static void ShowWithoutAsking(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (!(bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true })) return;
            var runtime = cmdlet.CommandRuntime;
            Set(runtime, "DebugPreference", ActionPreference.Continue);
            if (!bound.ContainsKey("Verbose")) Set(runtime, "Verbose", true);
            if (!bound.ContainsKey("WarningAction")) Set(runtime, "WarningPreference", ActionPreference.Continue);
        }

        /// <summary>
        /// The engine keeps these on its command runtime, where only its binder of common parameters
        /// reaches them; a runtime without them, or with another type (another engine), keeps the
        /// engine's own behaviour.
        /// </summary>
        private static void Set(object runtime, string property, object value)
        {
            var setting = runtime.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic);
            if (setting?.SetMethod != null && setting.PropertyType == value.GetType()) setting.SetMethod.Invoke(runtime, new[] { value });
        }
    }
}
