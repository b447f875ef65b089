using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// One value per runspace, so parallel runspaces neither share nor race on a session's
    /// connection; they pass it explicitly instead.
    /// </summary>
    internal sealed class RunspaceSlot<T> where T : class
    {
        private readonly ConditionalWeakTable<Runspace, Holder> _byRunspace = new ConditionalWeakTable<Runspace, Holder>();

        public T? Current
        {
            get => Runspace.DefaultRunspace is { } runspace && _byRunspace.TryGetValue(runspace, out var holder) ? holder.Value : null;
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace on this thread.");
                _byRunspace.GetOrCreateValue(runspace).Value = value;
            }
        }

        private sealed class Holder
        {
            public T? Value;
        }
    }
}
