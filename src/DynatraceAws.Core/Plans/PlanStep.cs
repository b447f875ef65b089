using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Plans
{
    /// <summary>One change of a plan, how to write it, and the changes that must be written before it.</summary>
    public sealed class PlanStep
    {
        internal PlanStep(PlannedChange change, Func<CancellationToken, Task> apply, IReadOnlyList<PlanStep> after)
        {
            Change = change;
            Apply = apply;
            After = after;
        }

        public PlannedChange Change { get; }
        internal Func<CancellationToken, Task> Apply { get; }
        internal IReadOnlyList<PlanStep> After { get; }

        public override string ToString() => Change.ToString();
    }
}
