using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>da-aws monitoring configurations of one environment, one per AWS account.</summary>
    public sealed partial class MonitoringConfigurations
    {
        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly ExtensionsClient _extensions;
        private readonly ExtensionVersions _versions;

        public MonitoringConfigurations(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
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

        /// <summary>Validates and completes a spec: regions (us-east-1 added with a warning), feature sets, description.</summary>
        public MonitoringConfigurationSpec Normalize(MonitoringConfigurationSpec spec)
        {
            var regions = MonitoringConfigurationDocument.NormalizeRegions(spec.Regions, out var added);
            if (added)
                _log.Warning($"Added {MonitoringConfigurationDocument.GlobalRegion} to the regions of account {spec.AccountId}: Dynatrace polls global AWS resources there.");
            return new MonitoringConfigurationSpec
            {
                AccountId = InputRules.AccountId(spec.AccountId),
                ConnectionId = RequireConnectionId(spec.ConnectionId),
                ConnectionName = spec.ConnectionName,
                Regions = regions,
                FeatureSets = MonitoringConfigurationDocument.NormalizeFeatureSets(spec.FeatureSets),
                Description = InputRules.Description(spec.Description ?? MonitoringConfigurationDocument.DefaultDescription(spec.AccountId)),
                DeploymentRegion = InputRules.Region(spec.DeploymentRegion ?? regions[0], "DeploymentRegion"),
                Version = spec.Version,
                Enabled = spec.Enabled,
            };
        }

        /// <summary>Returns the account's configuration, creating it only when the account has none.</summary>
        public async Task<Outcome<MonitoringConfiguration>> EnsureAsync(MonitoringConfigurationSpec spec, CancellationToken ct)
        {
            var normalized = Normalize(spec);
            var existing = await FindByAccountAsync(normalized.AccountId, ct).ConfigureAwait(false);
            if (existing != null)
            {
                _log.Verbose($"Account {normalized.AccountId} already has the monitoring configuration '{existing.Description}' ({existing.ConfigurationId}); nothing to create.");
                return new Outcome<MonitoringConfiguration>(existing, false);
            }
            return await CreateAsync(normalized, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Creates the configuration from a normalised spec. When the account got a configuration
        /// meanwhile (a concurrent run, or a retried POST whose answer was lost) that one is returned.
        /// </summary>
        public async Task<Outcome<MonitoringConfiguration>> CreateAsync(MonitoringConfigurationSpec spec, CancellationToken ct)
        {
            var version = spec.Version ?? (await _versions.GetAsync(ExtensionVersions.DaAws, ct).ConfigureAwait(false)).ActiveVersion;
            _log.Verbose($"Creating monitoring configuration '{spec.Description}' for account {spec.AccountId} (da-aws {version}, regions {string.Join(", ", spec.Regions)}).");
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
                throw new Errors.InvalidInputException("MissingConnectionId", "ConnectionId", connectionId, "is empty",
                    "Pass the ConnectionId that New-DtAwsConnection returned.");
            return connectionId!.Trim();
        }
    }
}
