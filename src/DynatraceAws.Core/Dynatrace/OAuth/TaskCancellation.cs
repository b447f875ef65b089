using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Dynatrace
{
    internal static class TaskCancellation
    {
        /// <summary>Stops waiting when <paramref name="ct"/> is cancelled, leaving <paramref name="task"/> to finish for others.</summary>
        public static async Task<T> WithCancellation<T>(this Task<T> task, CancellationToken ct)
        {
            if (!ct.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ct.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                    ct.ThrowIfCancellationRequested();
            }
            return await task.ConfigureAwait(false);
        }
    }
}
