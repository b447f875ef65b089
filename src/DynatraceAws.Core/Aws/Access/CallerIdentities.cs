using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Aws.Access
{
    /// <summary>
    /// Whom a run's AWS credentials belong to, asked of STS once per set of credentials however many
    /// accounts the run reaches with them, by every caller at once; and the STS concurrency limit of
    /// each set, since STS throttles per caller.
    /// </summary>
    public sealed class CallerIdentities
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<CallerIdentity>>> _known = new ConcurrentDictionary<string, Lazy<Task<CallerIdentity>>>();
        private readonly ConcurrentDictionary<string, AdaptiveConcurrency> _stsRequests = new ConcurrentDictionary<string, AdaptiveConcurrency>();

        /// <param name="source">Where the credentials come from, to name the limit in the debug stream.</param>
        internal AdaptiveConcurrency StsRequests(string key, string source) => _stsRequests.GetOrAdd(key, _ => StsClient.ConcurrencyFor(source));

        internal async Task<CallerIdentity> GetAsync(string key, Func<Task<CallerIdentity>> ask)
        {
            var read = _known.GetOrAdd(key, _ => new Lazy<Task<CallerIdentity>>(ask));
            try
            {
                return await read.Value.ConfigureAwait(false);
            }
            catch
            {
                // A failed read is not remembered: the next account asks again (unless another already did).
                _known.TryRemove(key, out _);
                throw;
            }
        }
    }

    internal sealed class CallerIdentity
    {
        public CallerIdentity(string account, string arn)
        {
            Account = account;
            Arn = arn;
        }

        public string Account { get; }
        public string Arn { get; }
    }
}
