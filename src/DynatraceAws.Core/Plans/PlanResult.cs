namespace DynatraceAws.Core.Plans
{
    /// <summary>
    /// An object a command can create or change: as the command leaves it, and what the command
    /// wrote to get it there. Applying a plan fills in <see cref="Changes"/>; an object that was
    /// already as asked, or was only read, has none.
    /// </summary>
    public abstract class PlanResult
    {
        /// <summary>Whether this command wrote anything; false on a rerun that found everything in place.</summary>
        public bool Changed => Changes.Count > 0;

        /// <summary>What this command wrote.</summary>
        public ChangeList Changes { get; internal set; } = ChangeList.Empty;
    }
}
