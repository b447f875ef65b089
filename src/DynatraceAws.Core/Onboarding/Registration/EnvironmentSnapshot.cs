using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// The environment's AWS connections and monitoring configurations, and what da-aws accepts,
    /// read once per run (all pages) and shared by every account of it, so a complete account costs no Dynatrace reads of
    /// its own and a new one no read before its create.
    /// </summary>
    internal sealed class EnvironmentSnapshot
    {
        private readonly Lazy<Task<Dictionary<string, AwsConnection>>> _connections;
        private readonly Lazy<Task<Dictionary<string, MonitoringConfiguration>>> _configurations;
        private readonly Lazy<Task<DaAwsChoices>> _choices;
        private int _prefetched;

        public EnvironmentSnapshot(AwsConnections connections, MonitoringConfigurations configurations, CancellationToken ct)
        {
            _connections = new Lazy<Task<Dictionary<string, AwsConnection>>>(async () =>
                (await connections.ListAsync(ct).ConfigureAwait(false))
                .GroupBy(c => c.ConnectionName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
            _configurations = new Lazy<Task<Dictionary<string, MonitoringConfiguration>>>(async () =>
                (await configurations.ListAsync(ct).ConfigureAwait(false))
                .GroupBy(c => c.AccountId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
            _choices = new Lazy<Task<DaAwsChoices>>(() => configurations.ChoicesAsync(ct));
        }

        /// <summary>Starts the reads without waiting for them, once, so the run's first account finds them done or under way.</summary>
        public void Prefetch()
        {
            if (Interlocked.Exchange(ref _prefetched, 1) == 1) return;
            foreach (var read in new Task[] { _connections.Value, _configurations.Value, _choices.Value })
                read.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }

        /// <summary>The regions and feature sets the active da-aws version accepts.</summary>
        public Task<DaAwsChoices> ChoicesAsync() => _choices.Value;

        public async Task<IReadOnlyCollection<AwsConnection>> ConnectionsAsync() => (await _connections.Value.ConfigureAwait(false)).Values;

        public async Task<AwsConnection?> ConnectionNamedAsync(string name) =>
            (await _connections.Value.ConfigureAwait(false)).TryGetValue(name, out var connection) ? connection : null;

        /// <summary>The connection the account's configuration uses, when the account is onboarded under another connection name.</summary>
        public async Task<AwsConnection?> ConnectionOfConfigurationAsync(string accountId)
        {
            var configuration = await ConfigurationOfAsync(accountId).ConfigureAwait(false);
            if (configuration is null) return null;
            return (await _connections.Value.ConfigureAwait(false)).Values.FirstOrDefault(c => c.ConnectionId == configuration.ConnectionId);
        }

        public async Task<MonitoringConfiguration?> ConfigurationOfAsync(string accountId) =>
            (await _configurations.Value.ConfigureAwait(false)).TryGetValue(accountId, out var configuration) ? configuration : null;
    }
}
