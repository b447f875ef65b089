using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>da-aws monitoring configurations of one environment, one per AWS account.</summary>
    public sealed partial class MonitoringConfigurations
    {
        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly ExtensionsClient _extensions;
        private readonly ExtensionVersions _versions;
        private readonly RetryPolicy? _retry;

        public MonitoringConfigurations(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _retry = retry;
            _extensions = new ExtensionsClient(new DynatraceApi(environment, _log, retry));
            _versions = new ExtensionVersions(environment, _log, retry);
        }

        public async Task<IReadOnlyList<MonitoringConfiguration>> ListAsync(CancellationToken ct)
        {
            var all = await _extensions.ListConfigurationsAsync(ExtensionVersions.DaAws, ct).ConfigureAwait(false);
            return all.Select(c => MonitoringConfigurationDocument.Read(c, _environment.EnvironmentId)).ToArray();
        }

        public async Task<MonitoringConfiguration?> FindByAccountAsync(string accountId, CancellationToken ct)
        {
            var all = await _extensions.ListConfigurationsAsync(ExtensionVersions.DaAws, ct).ConfigureAwait(false);
            var match = all.FirstOrDefault(c => MonitoringConfigurationDocument.AccountIds(c).Contains(accountId));
            return match is null ? null : MonitoringConfigurationDocument.Read(match, _environment.EnvironmentId);
        }

        /// <summary>The regions and feature sets the active da-aws version accepts, read once per environment and session.</summary>
        public Task<DaAwsChoices> ChoicesAsync(CancellationToken ct) => _versions.DaAwsChoicesAsync(ct);

        /// <summary>
        /// Checks a spec against what da-aws accepts and completes it: regions (us-east-1 added),
        /// feature sets, description. Regions and feature sets not given stay null.
        /// </summary>
        /// <param name="addedGlobalRegion">Whether us-east-1 was added, for the caller's one warning per run.</param>
        public static MonitoringConfigurationSpec Normalize(MonitoringConfigurationSpec spec, DaAwsChoices choices, out bool addedGlobalRegion)
        {
            CheckShapes(spec);
            addedGlobalRegion = false;
            var regions = InputRules.SplitList(spec.Regions).Count == 0 ? null
                : MonitoringConfigurationDocument.NormalizeRegions(spec.Regions, choices, out addedGlobalRegion);
            var featureSets = InputRules.SplitList(spec.FeatureSets).Count == 0 ? null
                : MonitoringConfigurationDocument.NormalizeFeatureSets(spec.FeatureSets, choices);
            return new MonitoringConfigurationSpec
            {
                AccountId = InputRules.AccountId(spec.AccountId),
                ConnectionId = spec.ConnectionId,
                ConnectionName = spec.ConnectionName,
                Regions = regions,
                FeatureSets = featureSets,
                Description = InputRules.Description(string.IsNullOrEmpty(spec.Description)
                    ? MonitoringConfigurationDocument.DefaultDescription(spec.AccountId.Trim()) : spec.Description),
                DeploymentRegion = string.IsNullOrWhiteSpace(spec.DeploymentRegion) ? null : choices.Region(spec.DeploymentRegion, "DeploymentRegion"),
                Version = string.IsNullOrWhiteSpace(spec.Version) ? null : spec.Version!.Trim(),
                Enabled = spec.Enabled,
            };
        }

        /// <summary>
        /// Whether the offline catalogue (AWS's partitions table, da-aws's known feature sets) accepts the
        /// regions and feature sets: a hint for what may start early, never a refusal. The environment's
        /// schema decides, and may know a region or feature set newer than the catalogue.
        /// </summary>
        public static bool OfflineAccepts(MonitoringConfigurationSpec spec)
        {
            try
            {
                Normalize(spec, DaAwsChoices.Offline, out _);
                return true;
            }
            catch (InvalidInputException)
            {
                return false;
            }
        }

        /// <summary>Every rule that needs no answer of Dynatrace: so a malformed value fails before the first request.</summary>
        public static void CheckShapes(MonitoringConfigurationSpec spec)
        {
            InputRules.AccountId(spec.AccountId);
            if (!string.IsNullOrEmpty(spec.Description)) InputRules.Description(spec.Description);
            foreach (var region in InputRules.SplitList(spec.Regions)) DaAwsChoices.MonitoredRegion(region);
            foreach (var featureSet in InputRules.SplitList(spec.FeatureSets)) InputRules.FeatureSet(featureSet);
            if (!string.IsNullOrWhiteSpace(spec.DeploymentRegion)) DaAwsChoices.MonitoredRegion(spec.DeploymentRegion, "DeploymentRegion");
        }

        /// <summary>
        /// Checks the spec, reads the account's configuration, and plans its create; for an account that
        /// has one, the update of the regions and feature sets the spec names, where they differ.
        /// </summary>
        /// <param name="addedGlobalRegion">Whether us-east-1 was added to the regions given.</param>
        public async Task<(Plan<MonitoringConfiguration> Plan, bool AddedGlobalRegion)> PlanEnsureAsync(MonitoringConfigurationSpec spec, CancellationToken ct)
        {
            CheckShapes(spec);
            RequireConnectionId(spec.ConnectionId);
            var normalized = Normalize(spec, await ChoicesAsync(ct).ConfigureAwait(false), out var added);
            normalized.ConnectionId = RequireConnectionId(spec.ConnectionId);
            var existing = await FindByAccountAsync(normalized.AccountId, ct).ConfigureAwait(false);
            if (existing is null) await new AwsConnections(_environment, _log, _retry).RequireForAccountAsync(normalized.ConnectionId, normalized.AccountId, ct).ConfigureAwait(false);
            var builder = new PlanBuilder();
            var configuration = AddTo(builder, normalized, existing, () => normalized.ConnectionId);
            var note = existing is null ? null
                : $"Account {normalized.AccountId} already has the monitoring configuration '{existing.Description}' ({existing.ConfigurationId}); nothing to change.";
            return (builder.Build($"Monitoring configuration '{normalized.Description}' for account {normalized.AccountId}", configuration.Result, note),
                added && (existing is null || normalized.Regions is { } asked && !new HashSet<string>(existing.Region).SetEquals(asked)));
        }

        /// <summary>
        /// Adds the account's configuration to a plan: its create when <paramref name="existing"/> is
        /// null, else the update of what the normalised spec names and the configuration lacks.
        /// </summary>
        /// <param name="connectionId">The connection's id, known when the plan is applied.</param>
        /// <param name="after">The changes the configuration waits for (the role ARN of its connection).</param>
        internal ConfigurationPlan AddTo(PlanBuilder plan, MonitoringConfigurationSpec spec, MonitoringConfiguration? existing,
            Func<string> connectionId, params PlanStep?[] after)
        {
            var result = new ConfigurationPlan(existing);
            if (existing is null)
            {
                var regions = spec.Regions ?? new[] { MonitoringConfigurationDocument.GlobalRegion };
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"monitoring configuration '{spec.Description}'",
                        after: $"regions {string.Join(", ", regions)}"),
                    async ct =>
                    {
                        spec.ConnectionId = connectionId();
                        result.Configuration = (await CreateAsync(spec, ct).ConfigureAwait(false)).Item;
                    }, after);
                return result;
            }
            var change = new MonitoringConfigurationChange { Regions = spec.Regions, FeatureSets = spec.FeatureSets };
            if (MonitoringConfigurationEdit.Preview(existing, change) is { } update)
                plan.Add(update, async ct => result.Configuration = (await ApplyChangeAsync(existing.ConfigurationId, change, ct).ConfigureAwait(false)).Item, after);
            return result;
        }

        /// <summary>
        /// Creates the configuration from a normalised spec. When the account got a configuration
        /// meanwhile (a concurrent run, or a retried POST whose answer was lost) that one is returned.
        /// </summary>
        internal async Task<Outcome<MonitoringConfiguration>> CreateAsync(MonitoringConfigurationSpec spec, CancellationToken ct)
        {
            var version = spec.Version ?? (await _versions.GetAsync(ExtensionVersions.DaAws, ct).ConfigureAwait(false)).ActiveVersion;
            _log.Verbose($"Creating monitoring configuration '{spec.Description}' for account {spec.AccountId} (da-aws {version}, regions {string.Join(", ", spec.Regions ?? new[] { MonitoringConfigurationDocument.GlobalRegion })}).");
            try
            {
                var body = MonitoringConfigurationDocument.Build(spec, version);
                var id = await _extensions.CreateConfigurationAsync(ExtensionVersions.DaAws, body, ct).ConfigureAwait(false);
                body["objectId"] = id;
                return new Outcome<MonitoringConfiguration>(MonitoringConfigurationDocument.Read(body, _environment.EnvironmentId), true);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 400 && ex.AllMessages.IndexOf("must be unique", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var existing = await FindByAccountAsync(spec.AccountId, ct).ConfigureAwait(false);
                if (existing is null) throw;
                return new Outcome<MonitoringConfiguration>(existing, false);
            }
        }

        private static string RequireConnectionId(string? connectionId)
        {
            if (string.IsNullOrWhiteSpace(connectionId))
                throw new InvalidInputException("MissingConnectionId", "ConnectionId", connectionId, "is empty",
                    "Pass the ConnectionId that New-DtAwsConnection returned.");
            return connectionId!.Trim();
        }
    }
}
