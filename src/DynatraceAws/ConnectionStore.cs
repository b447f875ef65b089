using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Commands
{
    /// <summary>The current Dynatrace environment of each runspace (Connect-DtEnvironment).</summary>
    internal static class ConnectionStore
    {
        private static readonly RunspaceSlot<DynatraceEnvironment> Slot = new RunspaceSlot<DynatraceEnvironment>();

        public static DynatraceEnvironment? Current
        {
            get => Slot.Current;
            set => Slot.Current = value;
        }
    }
}
