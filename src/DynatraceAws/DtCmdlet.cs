using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// What every cmdlet of the module shares: cancellation on Ctrl+C, running a Core call while
    /// writing its messages from the pipeline thread, and turning failures into error records.
    /// </summary>
    public abstract partial class DtCmdlet : PSCmdlet
    {
        // Never disposed: it holds no timer, and PowerShell may dispose a stopped command on the pipeline
        // thread while it calls StopProcessing on another; a disposed one failed that stop before it could report.
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly PipelineLog _log = new PipelineLog();

        internal ICoreLog Log => _log;

        /// <summary>Has <paramref name="action"/> run on the pipeline thread while <see cref="Run{T}"/> waits: Core calls back from any thread.</summary>
        internal void OnPipelineThread(Action action) => _log.Post(action);

        /// <summary>Every cmdlet starts here; an override calls it first.</summary>
        protected override void BeginProcessing() => StreamPreferences.ShowWithoutAsking(this);

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs a Core call to completion, writing its messages as they come.</summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> work) => Await(Task.Run(() => work(_stopping.Token)));

        /// <summary>Waits for Core work started earlier (with <see cref="StopToken"/>), writing its messages as they come.</summary>
        internal T Await<T>(Task<T> task)
        {
            while (!task.IsCompleted)
            {
                if (_log.TryTake(out var message, 50)) Write(message);
            }
            WritePending();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        internal void Await(Task task) => Await(Completed(task));

        private static async Task<bool> Completed(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }

        /// <summary>Writes what Core work running beside the pipeline has sent so far, without waiting: from ProcessRecord.</summary>
        internal void WritePending()
        {
            while (_log.TryTake(out var message, 0)) Write(message);
        }

        /// <summary>Cancelled by Ctrl+C: the token for Core work that runs across several ProcessRecord calls.</summary>
        internal CancellationToken StopToken => _stopping.Token;

        internal void Run(Func<CancellationToken, Task> work) => Run(ct => Completed(work(ct)));

        /// <summary>Runs a Core call for one input item; a failure becomes a non-terminating error for that item.</summary>
        internal bool TryRun(Func<CancellationToken, Task> work, object? target) => TryRun(async ct =>
        {
            await work(ct).ConfigureAwait(false);
            return true;
        }, target, out _);

        /// <summary>Runs a Core call for one input item; a failure becomes a non-terminating error for that item.</summary>
        internal bool TryRun<T>(Func<CancellationToken, Task<T>> work, object? target, out T result)
        {
            try
            {
                result = Run(work);
                return true;
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                WriteError(ErrorRecords.From(ex, target));
                result = default!;
                return false;
            }
        }

        /// <summary>
        /// The plan-and-apply of one input: Core checks and reads and yields a plan; the user approves
        /// it (-WhatIf shows it, -Confirm asks); only then Core applies it. The result is written when
        /// nothing needed changing or the plan was applied.
        /// </summary>
        /// <param name="force">-Force of a Remove cmdlet: no prompt, while -WhatIf still only shows the plan.</param>
        internal void PlanAndApply<T>(Func<CancellationToken, Task<Plan<T>>> check, object? target, Action<T> write, bool force = false) =>
            PlanAndApply(check, target, write, plan => Approve(plan, force));

        /// <param name="approve"><see cref="Approve"/>, with whatever a cmdlet asks besides.</param>
        internal void PlanAndApply<T>(Func<CancellationToken, Task<Plan<T>>> check, object? target, Action<T> write, Func<Plan<T>, Approval> approve)
        {
            if (!TryRun(check, target, out var plan)) return;
            if (!plan.HasChanges)
            {
                WriteVerbose(plan.Unchanged);
                write(plan.Result());
                return;
            }
            Approval approval;
            try
            {
                approval = approve(plan);
            }
            catch (DynatraceAwsException ex)
            {
                WriteError(ErrorRecords.From(ex, target));
                return;
            }
            if (approval != Approval.Apply) return;
            if (TryRun(ct => plan.ApplyAsync(ct), target, out var result)) write(result);
        }

        /// <summary>Shows a plan under -WhatIf, asks under -Confirm; on the pipeline thread only.</summary>
        /// <param name="force">-Force: no prompt, while -WhatIf still only shows the plan.</param>
        internal Approval Approve<T>(Plan<T> plan, bool force = false)
        {
            if (force && !this.IsWhatIf()) return Approval.Apply;
            var changes = string.Join(System.Environment.NewLine, plan.Changes);
            bool approved;
            ShouldProcessReason reason;
            try
            {
                approved = ShouldProcess($"{plan.Target}: {plan.Describe()}", $"{plan.Target}:{System.Environment.NewLine}{changes}{System.Environment.NewLine}Apply these changes?",
                    "Confirm", out reason);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException)
            {
                // A non-interactive host (a CI step, pwsh -NonInteractive) cannot ask.
                throw new DynatraceAwsException("ConfirmationUnavailable", FailureCategory.InvalidOperation,
                    $"{plan.Target}: the confirmation cannot be asked here ({ex.Message.TrimEnd('.')}); nothing was written.",
                    "To approve without a prompt, as a CI step must, pass -Confirm:$false (or -Force where the command has it); to see the plan only, pass -WhatIf.");
            }
            if (approved) return Approval.Apply;
            return reason == ShouldProcessReason.WhatIf ? Approval.WhatIf : Approval.Declined;
        }

        /// <summary><see cref="Approve"/> for a Core engine that runs beside the pipeline thread: the question is put on it.</summary>
        internal Task<Approval> ApproveOnPipelineThread<T>(Plan<T> plan) => ApproveOnPipelineThread(plan, force: false);

        /// <param name="force">-Force: no prompt, while -WhatIf still only shows the plan.</param>
        internal Task<Approval> ApproveOnPipelineThread<T>(Plan<T> plan, bool force)
        {
            var answer = new TaskCompletionSource<Approval>(TaskCreationOptions.RunContinuationsAsynchronously);
            _stopping.Token.Register(() => answer.TrySetCanceled());
            OnPipelineThread(() =>
            {
                try
                {
                    answer.TrySetResult(Approve(plan, force));
                }
                catch (Exception ex)
                {
                    answer.TrySetException(ex);
                }
            });
            return answer.Task;
        }

        /// <summary>
        /// After Ctrl+C or Stop-Job the pipeline takes no more records: the accounts whose writes were
        /// under way (they may be left half done) and the summary go to the host directly.
        /// </summary>
        internal void ReportStop(IReadOnlyCollection<string> writing, string summary)
        {
            if (writing.Count > 0)
                Host.UI.WriteWarningLine($"Stopped while {writing.Count} account(s) were being written: {string.Join(", ", writing)}. " +
                                         "They may be half onboarded: run the same command again, and it finishes them.");
            Host.UI.WriteLine("Stopped. " + summary);
        }

        /// <summary>A failure that ends the command, such as bad connection settings.</summary>
        internal void Terminate(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));

        private void Write(object message)
        {
            switch (message)
            {
                case VerboseRecord verbose: WriteVerbose(verbose.Message); break;
                case DebugRecord debug: WriteDebug(debug.Message); break;
                case WarningRecord warning: WriteWarning(warning.Message); break;
                case Action action: action(); break;
                case ProgressReport progress: WriteProgress(progress); break;
            }
        }

        /// <summary>A progress record per activity, on the pipeline thread.</summary>
        internal void WriteProgress(ProgressReport progress) =>
            WriteProgress(new ProgressRecord(Math.Abs(progress.Activity.GetHashCode()) % 100000, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
    }
}
