using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// A registration that takes its rows as they arrive: a row starts as soon as fewer than
    /// ThrottleLimit accounts are in progress, so results come out while later rows are still being
    /// read, and a row waiting its turn is all the run keeps of it. Duplicates are judged in the order
    /// rows are added: the first row of an account or connection name wins.
    /// </summary>
    public sealed class RegistrationRun
    {
        private readonly object _gate = new object();
        private readonly Queue<Row> _waiting = new Queue<Row>();
        private readonly DuplicateRows _duplicates = new DuplicateRows();
        private readonly TaskCompletionSource<bool> _completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly int _throttleLimit;
        private readonly Func<AccountRequest, Exception?, Task<AccountResult>> _onboard;
        private readonly Action<AccountResult> _finished;
        private readonly Action _ended;
        private readonly CancellationToken _ct;
        private int _running;
        private int _added;
        private bool _noMoreRows;
        private Exception? _failure;

        /// <param name="onboard">One row to its result, given the reason it is a duplicate when it is one.</param>
        /// <param name="ended">Runs once after the last result of a run that did not fail.</param>
        internal RegistrationRun(int throttleLimit, Func<AccountRequest, Exception?, Task<AccountResult>> onboard, Action<AccountResult> finished, Action ended,
            CancellationToken ct)
        {
            _ct = ct;
            _throttleLimit = Math.Max(1, throttleLimit);
            _onboard = onboard;
            _finished = finished;
            _ended = ended;
        }

        /// <summary>Rows added so far.</summary>
        public int Added
        {
            get { lock (_gate) return _added; }
        }

        /// <summary>Ends when every added row has its result after <see cref="Complete"/>, or when the run fails (it was cancelled).</summary>
        public Task Completion => _completion.Task;

        /// <summary>Takes one more row. After the run failed rows are no longer started: <see cref="Completion"/> carries the failure.</summary>
        public void Add(AccountRequest request)
        {
            lock (_gate)
            {
                if (_noMoreRows) throw new InvalidOperationException("The run is complete; it takes no more rows.");
                _added++;
                var row = new Row(request, _duplicates.Check(request));
                if (_failure != null) return;
                if (_running < _throttleLimit)
                {
                    _running++;
                    Task.Run(() => WorkAsync(row));
                }
                else
                {
                    _waiting.Enqueue(row);
                }
            }
        }

        /// <summary>No more rows: <see cref="Completion"/> ends once the added ones have their results.</summary>
        public void Complete()
        {
            lock (_gate) _noMoreRows = true;
            EndIfDone();
        }

        /// <summary>One of at most ThrottleLimit workers: onboards its row, then the longest waiting one, until none waits.</summary>
        private async Task WorkAsync(Row row)
        {
            for (Row? next = row; next != null;)
            {
                try
                {
                    _finished(await _onboard(next.Request, next.Duplicate).ConfigureAwait(false));
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        _failure = _failure ?? ex;
                        _waiting.Clear();
                    }
                }
                lock (_gate)
                {
                    if (_ct.IsCancellationRequested && _failure is null) _failure = new OperationCanceledException(_ct);
                    next = _failure is null && _waiting.Count > 0 ? _waiting.Dequeue() : null;
                    if (next is null) _running--;
                }
            }
            EndIfDone();
        }

        private void EndIfDone()
        {
            Exception? failure;
            lock (_gate)
            {
                if (_running > 0 || !(_noMoreRows || _failure != null) || _completion.Task.IsCompleted) return;
                failure = _failure;
            }
            if (failure is null)
            {
                _ended();
                _completion.TrySetResult(true);
            }
            else if (failure is OperationCanceledException cancelled)
            {
                _completion.TrySetCanceled(cancelled.CancellationToken);
            }
            else
            {
                _completion.TrySetException(failure);
            }
        }

        private sealed class Row
        {
            public Row(AccountRequest request, Exception? duplicate)
            {
                Request = request;
                Duplicate = duplicate;
            }

            public AccountRequest Request { get; }
            public Exception? Duplicate { get; }
        }
    }
}
