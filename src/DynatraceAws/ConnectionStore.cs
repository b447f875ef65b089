using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// The current Dynatrace environment of each runspace, so parallel runspaces neither share nor
    /// race on it; they pass -Connection instead.
    /// </summary>
    internal static class ConnectionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> ByRunspace = new ConditionalWeakTable<Runspace, Holder>();

        public static DynatraceEnvironment? Current
        {
            get => Runspace.DefaultRunspace is { } runspace && ByRunspace.TryGetValue(runspace, out var holder) ? holder.Environment : null;
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace on this thread.");
                ByRunspace.GetOrCreateValue(runspace).Environment = value;
            }
        }

        private sealed class Holder
        {
            public DynatraceEnvironment? Environment;
        }
    }
}
