using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Plans
{
    public static class PlanTasks
    {
        /// <summary>Plans and applies at once, for callers that approve every plan: <c>await roles.PlanAsync(spec, ct).ApplyAsync(ct)</c>.</summary>
        public static async Task<T> ApplyAsync<T>(this Task<Plan<T>> plan, CancellationToken ct) =>
            await (await plan.ConfigureAwait(false)).ApplyAsync(ct).ConfigureAwait(false);
    }
}
