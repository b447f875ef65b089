using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Plans
{
    /// <summary>
    /// What one target (an account, a connection, a policy, a binding, ...) needs, worked out with
    /// reads only after every check passed, and how to apply it. Whoever runs the command approves
    /// the plan as a whole (ShouldProcess shows <see cref="Describe"/>); only then is it applied,
    /// each change after the changes it depends on and independent ones at once.
    /// </summary>
    public sealed class Plan<T>
    {
        private readonly IReadOnlyList<PlanStep> _steps;
        private readonly Func<T> _result;
        private readonly List<PlannedChange> _applied = new List<PlannedChange>();
        private PlannedChange? _failed;

        internal Plan(string target, IReadOnlyList<PlanStep> steps, Func<T> result, string unchanged)
        {
            Target = target;
            Unchanged = unchanged;
            _steps = steps;
            _result = result;
            Changes = steps.Select(s => s.Change).ToArray();
        }

        /// <summary>What the plan is for, in words: "AWS account 123456789012 ('aws-prod')".</summary>
        public string Target { get; }

        public IReadOnlyList<PlannedChange> Changes { get; }

        /// <summary>What the checks found, for the verbose stream when there is nothing to change.</summary>
        public string Unchanged { get; }

        public bool HasChanges => Changes.Count > 0;

        internal IReadOnlyList<PlanStep> Steps => _steps;

        /// <summary>The changes written so far: all of them after <see cref="ApplyAsync"/> succeeded.</summary>
        public IReadOnlyList<PlannedChange> Applied
        {
            get { lock (_applied) return Changes.Where(_applied.Contains).ToArray(); }
        }

        /// <summary>The change whose write failed, after <see cref="ApplyAsync"/> threw.</summary>
        public PlannedChange? Failed => _failed;

        /// <summary>The changes in one line, for -WhatIf and the -Confirm prompt.</summary>
        public string Describe() => HasChanges ? string.Join("; ", Changes) : "nothing to change";

        /// <summary>The target as the plan leaves it, without writing: as read when nothing changes.</summary>
        public T Result() => _result();

        /// <summary>
        /// Writes the changes, each after those it depends on. After a failed write nothing new is
        /// started; the writes in flight end, and the first failure is thrown (<see cref="Failed"/>
        /// names its change). A plan without changes writes nothing. A <see cref="PlanResult"/>
        /// comes back with the changes written.
        /// </summary>
        public async Task<T> ApplyAsync(CancellationToken ct)
        {
            if (_steps.Count == 0) return _result();
            Exception? first = null;
            var running = new Dictionary<PlanStep, Task>();
            foreach (var step in _steps) running[step] = RunAsync(step);
            try
            {
                await Task.WhenAll(running.Values).ConfigureAwait(false);
            }
            catch when (first != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }
            var result = _result();
            if (result is PlanResult written) written.Changes = new ChangeList(Applied);
            return result;

            async Task RunAsync(PlanStep step)
            {
                await Task.WhenAll(step.After.Select(a => running[a])).ConfigureAwait(false);
                if (Volatile.Read(ref first) != null) throw new OperationCanceledException("An earlier change of this plan failed.");
                ct.ThrowIfCancellationRequested();
                try
                {
                    await step.Apply(ct).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    if (Interlocked.CompareExchange(ref first, ex, null) == null) _failed = step.Change;
                    throw;
                }
                lock (_applied) _applied.Add(step.Change);
            }
        }

        public override string ToString() => $"{Target}: {Describe()}";
    }
}
