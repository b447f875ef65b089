using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;

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
        /// Checks a change against what da-aws accepts, with the rules of a new configuration
        /// (us-east-1 added); an empty list or text becomes null, so an empty CSV cell changes nothing.
        /// </summary>
        private async Task<(MonitoringConfigurationChange Change, bool AddedGlobalRegion)> NormalizeAsync(MonitoringConfigurationChange change, CancellationToken ct)
        {
            var regionsGiven = InputRules.SplitList(change.Regions).Count > 0;
            var featureSetsGiven = InputRules.SplitList(change.FeatureSets).Count > 0;
            foreach (var region in InputRules.SplitList(change.Regions)) DaAwsChoices.MonitoredRegion(region);
            foreach (var featureSet in InputRules.SplitList(change.FeatureSets)) InputRules.FeatureSet(featureSet);
            if (!string.IsNullOrEmpty(change.Description)) InputRules.Description(change.Description);
            var choices = regionsGiven || featureSetsGiven ? await ChoicesAsync(ct).ConfigureAwait(false) : DaAwsChoices.Offline;
            var added = false;
            return (new MonitoringConfigurationChange
            {
                Regions = regionsGiven ? MonitoringConfigurationDocument.NormalizeRegions(change.Regions, choices, out added) : null,
                FeatureSets = featureSetsGiven ? MonitoringConfigurationDocument.NormalizeFeatureSets(change.FeatureSets, choices) : null,
                Description = string.IsNullOrEmpty(change.Description) ? null : InputRules.Description(change.Description),
                Enabled = change.Enabled,
            }, added);
        }

        /// <summary>
        /// Checks the change, reads the configuration, and plans the one write that makes it so;
        /// AddedGlobalRegion says that the regions the plan writes have us-east-1 only because it is always added.
        /// </summary>
        public async Task<(Plan<MonitoringConfiguration> Plan, bool AddedGlobalRegion)> PlanUpdateAsync(string configurationId,
            MonitoringConfigurationChange change, CancellationToken ct)
        {
            var (normalized, addedGlobalRegion) = await NormalizeAsync(change, ct).ConfigureAwait(false);
            var edit = MonitoringConfigurationEdit.Of(await GetObjectAsync(configurationId, ct).ConfigureAwait(false), normalized, _environment.EnvironmentId);
            var builder = new PlanBuilder();
            var result = edit.Current;
            // Only when the regions change: a rerun that changes nothing warns of nothing.
            var regionsAdded = edit.Change != null && addedGlobalRegion && !new HashSet<string>(edit.Current.Region).SetEquals(edit.Updated.Region);
            if (edit.Change != null)
            {
                builder.Add(edit.Change, async ct2 =>
                {
                    await _extensions.UpdateConfigurationAsync(ExtensionVersions.DaAws, configurationId, edit.Value, ct2).ConfigureAwait(false);
                    result = edit.Updated;
                });
            }
            return (builder.Build($"Monitoring configuration '{edit.Current.Description}' for account {edit.Current.AccountId} ({configurationId})", () => result,
                $"Monitoring configuration '{edit.Current.Description}' ({configurationId}) already is as asked; nothing to write."), regionsAdded);
        }

        /// <summary>Applies a normalised change to the configuration as it is now, writing only when something differs.</summary>
        internal async Task<Outcome<MonitoringConfiguration>> ApplyChangeAsync(string configurationId, MonitoringConfigurationChange change,
            CancellationToken ct)
        {
            var edit = MonitoringConfigurationEdit.Of(await GetObjectAsync(configurationId, ct).ConfigureAwait(false), change, _environment.EnvironmentId);
            if (edit.Change is null) return new Outcome<MonitoringConfiguration>(edit.Current, false);
            _log.Verbose($"Updating {edit.Change.Target}: {edit.Change.Before} -> {edit.Change.After}.");
            await _extensions.UpdateConfigurationAsync(ExtensionVersions.DaAws, configurationId, edit.Value, ct).ConfigureAwait(false);
            return new Outcome<MonitoringConfiguration>(edit.Updated, true);
        }

        /// <summary>Reads the configuration and plans its deletion (Dynatrace then deletes its AWS connection too); one already gone plans nothing.</summary>
        public async Task<Plan<MonitoringConfiguration?>> PlanDeleteAsync(string configurationId, CancellationToken ct)
        {
            var configuration = await FindByIdAsync(configurationId, ct).ConfigureAwait(false);
            var builder = new PlanBuilder();
            if (configuration != null)
                builder.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete,
                        $"monitoring configuration '{configuration.Description}' for account {configuration.AccountId} ({configurationId}), and with it AWS connection {configuration.ConnectionId}"),
                    ct2 => DeleteAsync(configurationId, ct2));
            return builder.Build<MonitoringConfiguration?>($"Monitoring configuration {configurationId} in {_environment}", () => configuration,
                $"Monitoring configuration {configurationId} does not exist; nothing to remove.");
        }

        /// <summary>Deletes the configuration; Dynatrace then deletes its AWS connection too.</summary>
        /// <returns>False when it was already gone.</returns>
        internal async Task<bool> DeleteAsync(string configurationId, CancellationToken ct)
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
