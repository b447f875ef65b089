using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The active version of an extension, read once per environment and session.</summary>
    public sealed class ExtensionVersions
    {
        public const string DaAws = "com.dynatrace.extension.da-aws";

        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly ExtensionsClient _extensions;

        public ExtensionVersions(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _extensions = new ExtensionsClient(new DynatraceApi(environment, _log, retry));
        }

        public async Task<ExtensionVersion> GetAsync(string extensionName, CancellationToken ct)
        {
            var read = _environment.ExtensionVersions.GetOrAdd(extensionName,
                name => new Lazy<Task<ExtensionVersion>>(() => ReadAsync(name, ct)));
            try
            {
                return await read.Value.ConfigureAwait(false);
            }
            catch
            {
                // A failed read is not remembered: the next caller asks again (unless another caller already did).
                ((ICollection<KeyValuePair<string, Lazy<Task<ExtensionVersion>>>>)_environment.ExtensionVersions)
                    .Remove(new KeyValuePair<string, Lazy<Task<ExtensionVersion>>>(extensionName, read));
                throw;
            }
        }

        /// <summary>
        /// The regions and feature sets the active da-aws version accepts: its schema's enums, read once
        /// per environment and session; the offline lists where the environment serves no schema.
        /// </summary>
        public async Task<DaAwsChoices> DaAwsChoicesAsync(CancellationToken ct)
        {
            var version = (await GetAsync(DaAws, ct).ConfigureAwait(false)).ActiveVersion;
            var key = DaAws + "/" + version;
            var read = _environment.ExtensionSchemas.GetOrAdd(key, _ => new Lazy<Task<JsonNode?>>(() => ReadSchemaAsync(version, ct)));
            JsonNode? schema;
            try
            {
                schema = await read.Value.ConfigureAwait(false);
            }
            catch
            {
                ((ICollection<KeyValuePair<string, Lazy<Task<JsonNode?>>>>)_environment.ExtensionSchemas)
                    .Remove(new KeyValuePair<string, Lazy<Task<JsonNode?>>>(key, read));
                throw;
            }
            var regions = EnumValues(schema, DaAwsChoices.RegionEnum);
            var featureSets = EnumValues(schema, DaAwsChoices.FeatureSetEnum);
            if (regions.Count == 0 && featureSets.Count == 0) return DaAwsChoices.Offline;
            return new DaAwsChoices(regions.Count > 0 ? regions : DaAwsChoices.Offline.Regions,
                featureSets.Count > 0 ? featureSets : DaAwsChoices.Offline.FeatureSets, $"da-aws {version}");
        }

        private async Task<JsonNode?> ReadSchemaAsync(string version, CancellationToken ct)
        {
            try
            {
                return await _extensions.GetSchemaAsync(DaAws, version, ct).ConfigureAwait(false);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 403)
            {
                _log.Verbose($"The schema of {DaAws} {version} is not readable here ({ex.StatusCode}); regions and feature sets are checked against the catalogue.");
                return null;
            }
        }

        /// <summary>The values of one enum of an extension schema: {"enums": {name: {"items": [{"value": ...}]}}}.</summary>
        private static IReadOnlyList<string> EnumValues(JsonNode? schema, string name) =>
            (schema?["enums"]?[name]?["items"] as JsonArray ?? new JsonArray())
            .Select(item => (string?)item?["value"]).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();

        private async Task<ExtensionVersion> ReadAsync(string extensionName, CancellationToken ct)
        {
            var entry = await _extensions.FindAsync(extensionName, ct).ConfigureAwait(false);
            var active = (string?)entry?["activeVersion"];
            if (entry is null || string.IsNullOrEmpty(active))
                throw new DynatraceAwsException("ExtensionNotInstalled", FailureCategory.ObjectNotFound,
                    $"The extension {extensionName} is not active in {_environment.EnvironmentUrl}.",
                    $"Run Install-DtExtension -ExtensionName {extensionName} (it needs the extensions:definitions:write scope), then try again.");
            return new ExtensionVersion(extensionName, active!, (string?)entry["version"], _environment.EnvironmentId);
        }

        /// <summary>
        /// Reads the extension and plans its install: nothing when a version is active and it is the
        /// asked one or none is asked (a blank version, as from an empty CSV cell, asks none); else adding
        /// the asked version, or the newest, from the Dynatrace Hub, which then is the active one.
        /// </summary>
        public async Task<Plan<ExtensionVersion>> PlanInstallAsync(string extensionName, string? version, CancellationToken ct)
        {
            version = Asked(version);
            _environment.ExtensionVersions.TryRemove(extensionName, out _);
            var entry = await _extensions.FindAsync(extensionName, ct).ConfigureAwait(false);
            var active = (string?)entry?["activeVersion"];
            var current = string.IsNullOrEmpty(active) ? null
                : new ExtensionVersion(extensionName, active!, (string?)entry!["version"], _environment.EnvironmentId);
            var plan = new PlanBuilder();
            if (current is null || (version != null && version != current.ActiveVersion))
                plan.Add(current is null
                        ? new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"extension {extensionName}", after: version ?? "the newest version")
                        : new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Update, $"active version of extension {extensionName}", current.ActiveVersion, version),
                    async ct2 => current = await InstallAsync(extensionName, version, ct2).ConfigureAwait(false));
            return plan.Build($"extension {extensionName} in {_environment}", () => current!,
                $"{extensionName} {active} is already active in {_environment.EnvironmentUrl}; nothing to install.");
        }

        /// <summary>Adds the extension to the environment from the Dynatrace Hub, and reads the version now active.</summary>
        private async Task<ExtensionVersion> InstallAsync(string extensionName, string? version, CancellationToken ct)
        {
            _log.Verbose($"Adding {extensionName}{(version is null ? "" : " " + version)} to {_environment.EnvironmentUrl}.");
            await _extensions.InstallAsync(extensionName, version, ct).ConfigureAwait(false);
            _environment.ExtensionVersions.TryRemove(extensionName, out _);
            return await GetAsync(extensionName, ct).ConfigureAwait(false);
        }

        private static string? Asked(string? version) => string.IsNullOrWhiteSpace(version) ? null : version!.Trim();
    }
}
