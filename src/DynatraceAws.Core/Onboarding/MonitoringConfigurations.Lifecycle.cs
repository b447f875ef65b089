using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>After onboarding: read, change, enable or disable, delete, and ask for the status.</summary>
    public sealed partial class MonitoringConfigurations
    {
        /// <summary>
        /// The configurations the filter names: the one with its ConfigurationId (ConfigurationNotFound
        /// when there is none), else all; then those of its AccountId and ConnectionId when given.
        /// </summary>
        public async Task<IReadOnlyList<MonitoringConfiguration>> ListAsync(MonitoringConfigurationFilter filter, CancellationToken ct)
        {
            var accountId = string.IsNullOrWhiteSpace(filter.AccountId) ? null : InputRules.AccountId(filter.AccountId);
            var connectionId = string.IsNullOrWhiteSpace(filter.ConnectionId) ? null : filter.ConnectionId!.Trim();
            var candidates = string.IsNullOrWhiteSpace(filter.ConfigurationId)
                ? await ListAsync(ct).ConfigureAwait(false)
                : new[] { await GetAsync(filter.ConfigurationId!, ct).ConfigureAwait(false) };
            return candidates
                .Where(c => (accountId is null || c.AccountId == accountId) && (connectionId is null || c.ConnectionId == connectionId))
                .ToArray();
        }

        public async Task<MonitoringConfiguration> GetAsync(string configurationId, CancellationToken ct) =>
            MonitoringConfigurationDocument.Read(await GetObjectAsync(configurationId, ct).ConfigureAwait(false), _environment.EnvironmentId);

        /// <returns>Null when the configuration does not exist.</returns>
        public async Task<MonitoringConfiguration?> FindByIdAsync(string configurationId, CancellationToken ct)
        {
            var configuration = await FindObjectAsync(configurationId, ct).ConfigureAwait(false);
            return configuration is null ? null : MonitoringConfigurationDocument.Read(configuration, _environment.EnvironmentId);
        }

        /// <summary>
        /// Checks a change before any call, with the rules of a new configuration (us-east-1 added);
        /// an empty list or text becomes null, so an empty CSV cell changes nothing.
        /// </summary>
        private static MonitoringConfigurationChange Normalize(MonitoringConfigurationChange change, out bool addedGlobalRegion)
        {
            IReadOnlyList<string>? regions = null;
            addedGlobalRegion = false;
            if (InputRules.SplitList(change.Regions).Count > 0)
                regions = MonitoringConfigurationDocument.NormalizeRegions(change.Regions, out addedGlobalRegion);
            return new MonitoringConfigurationChange
            {
                Regions = regions,
                FeatureSets = InputRules.SplitList(change.FeatureSets).Count > 0 ? MonitoringConfigurationDocument.NormalizeFeatureSets(change.FeatureSets) : null,
                Description = string.IsNullOrEmpty(change.Description) ? null : InputRules.Description(change.Description),
                Enabled = change.Enabled,
            };
        }

        /// <summary>Reads the configuration and works out what the change would write, writing nothing.</summary>
        public async Task<MonitoringConfigurationUpdate> PlanUpdateAsync(string configurationId, MonitoringConfigurationChange change,
            CancellationToken ct)
        {
            var normalized = Normalize(change, out var addedGlobalRegion);
            var configuration = await GetObjectAsync(configurationId, ct).ConfigureAwait(false);
            var plan = MonitoringConfigurationUpdate.Plan(configuration, normalized, _environment.EnvironmentId);
            // Only when the regions change: a rerun that changes nothing warns of nothing.
            if (addedGlobalRegion && !new HashSet<string>(plan.Current.Region).SetEquals(plan.Updated.Region))
                _log.Warning($"Added {MonitoringConfigurationDocument.GlobalRegion} to the regions of account {plan.Current.AccountId}: Dynatrace polls global AWS resources there.");
            return plan;
        }

        /// <summary>Applies the change to the configuration as it is now, writing only when something differs.</summary>
        public async Task<Outcome<MonitoringConfiguration>> UpdateAsync(string configurationId, MonitoringConfigurationChange change,
            CancellationToken ct)
        {
            var plan = await PlanUpdateAsync(configurationId, change, ct).ConfigureAwait(false);
            var name = $"monitoring configuration '{plan.Current.Description}' ({configurationId})";
            if (!plan.Changed)
            {
                _log.Verbose($"The {name} already is as asked; nothing to write.");
                return new Outcome<MonitoringConfiguration>(plan.Current, false);
            }
            _log.Verbose($"Updating the {name}: {string.Join("; ", plan.Changes)}.");
            await _extensions.UpdateConfigurationAsync(ExtensionVersions.DaAws, configurationId, plan.Value, ct).ConfigureAwait(false);
            return new Outcome<MonitoringConfiguration>(plan.Updated, true);
        }

        /// <summary>Deletes the configuration; Dynatrace then deletes its AWS connection too.</summary>
        /// <returns>False when it was already gone.</returns>
        public async Task<bool> DeleteAsync(string configurationId, CancellationToken ct)
        {
            try
            {
                await _extensions.DeleteConfigurationAsync(ExtensionVersions.DaAws, configurationId, ct).ConfigureAwait(false);
                _log.Verbose($"Deleted monitoring configuration {configurationId}; Dynatrace deletes its AWS connection as well.");
                return true;
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                // Also what a retried DELETE meets when the first attempt's answer was lost.
                _log.Verbose($"Monitoring configuration {configurationId} does not exist; nothing to delete.");
                return false;
            }
        }

        public async Task<MonitoringConfigurationStatus> StatusAsync(string configurationId, CancellationToken ct)
        {
            try
            {
                var answer = await _extensions.GetConfigurationStatusAsync(ExtensionVersions.DaAws, configurationId, ct).ConfigureAwait(false);
                return MonitoringConfigurationStatus.From(configurationId, answer);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                throw NotFound.Configuration($"has the id '{configurationId}'", _environment, ex);
            }
        }

        private async Task<JsonObject> GetObjectAsync(string configurationId, CancellationToken ct) =>
            await FindObjectAsync(configurationId, ct).ConfigureAwait(false)
            ?? throw NotFound.Configuration($"has the id '{configurationId}'", _environment);

        private async Task<JsonObject?> FindObjectAsync(string configurationId, CancellationToken ct)
        {
            try
            {
                return await _extensions.GetConfigurationAsync(ExtensionVersions.DaAws, configurationId, ct).ConfigureAwait(false);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }
    }
}
