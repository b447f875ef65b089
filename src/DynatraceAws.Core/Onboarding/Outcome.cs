namespace DynatraceAws.Core.Onboarding
{
    /// <summary>What an idempotent step ended with, and whether it had to write anything to get there.</summary>
    public sealed class Outcome<T>
    {
        public Outcome(T item, bool changed)
        {
            Item = item;
            Changed = changed;
        }

        public T Item { get; }
        public bool Changed { get; }
    }
}
