using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>The current Dynatrace account of each runspace (Connect-DtAccount).</summary>
    internal static class AccountConnectionStore
    {
        private static readonly RunspaceSlot<DynatraceAccount> Slot = new RunspaceSlot<DynatraceAccount>();

        public static DynatraceAccount? Current
        {
            get => Slot.Current;
            set => Slot.Current = value;
        }
    }
}
