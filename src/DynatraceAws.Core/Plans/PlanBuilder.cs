using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Plans
{
    /// <summary>
    /// Collects the changes of one target's plan while its checks read. Each change names the
    /// changes it waits for; the rest run at once when the plan is applied. The order of
    /// <see cref="Add"/> is the order the plan is shown in.
    /// </summary>
    internal sealed class PlanBuilder
    {
        private readonly List<PlanStep> _steps = new List<PlanStep>();

        public IReadOnlyList<PlanStep> Steps => _steps;

        /// <param name="after">The changes this one waits for; null entries (a change not needed) are ignored.</param>
        public PlanStep Add(PlannedChange change, Func<CancellationToken, Task> apply, params PlanStep?[] after)
        {
            var step = new PlanStep(change, apply, after.Where(a => a != null).Select(a => a!).ToArray());
            _steps.Add(step);
            return step;
        }

        /// <summary>
        /// Adds the changes of another target's plan, worked out by its own checks: each after the changes
        /// it waits for there, and after <paramref name="after"/>. Its <see cref="Plan{T}.Result"/> then
        /// tells what this plan made of that target.
        /// </summary>
        /// <returns>The changes added: what a later change waits for to wait for the whole included plan.</returns>
        public PlanStep[] Include<T>(Plan<T> plan, params PlanStep?[] after)
        {
            var copies = new Dictionary<PlanStep, PlanStep>();
            // A step's own dependencies come before it, so each is copied before whatever waits for it.
            foreach (var step in plan.Steps)
                copies[step] = Add(step.Change, step.Apply, step.After.Select(a => copies[a]).Concat(after).ToArray());
            return plan.Steps.Select(s => copies[s]).ToArray();
        }

        /// <param name="result">What the target is after the plan is applied (or as read, when nothing changes).</param>
        /// <param name="unchanged">What the checks found, said when there is nothing to change.</param>
        public Plan<T> Build<T>(string target, Func<T> result, string? unchanged = null) =>
            new Plan<T>(target, _steps.ToArray(), result, unchanged ?? $"{target}: nothing to change.");
    }
}
