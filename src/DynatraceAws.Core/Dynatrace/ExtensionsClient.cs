using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>Extensions 2.0 on the platform path: versions, install, monitoring configurations.</summary>
    internal sealed class ExtensionsClient
    {
        private const string Extensions = "platform/extensions/v2/extensions";
        /// <summary>The docs name the page key parameter page-key; Dynatrace's own clients send next-page-key (docs/api-facts.md).</summary>
        private static readonly Paging ConfigurationsPaging = Paging.ByKey("items", "objectId", "page-key", "next-page-key");

        private readonly DynatraceApi _api;

        public ExtensionsClient(DynatraceApi api) => _api = api;

        /// <returns>The extension's list entry (extensionName, version, activeVersion), or null when it is not in the environment.</returns>
        public async Task<JsonNode?> FindAsync(string name, CancellationToken ct)
        {
            var filter = Uri.EscapeDataString($"name='{name}'");
            var page = await _api.GetAsync("List extensions", $"{Extensions}?filter={filter}&add-fields=activeVersion", ct).ConfigureAwait(false);
            foreach (var item in page?["items"] as JsonArray ?? new JsonArray())
                if (string.Equals((string?)item?["extensionName"], name, StringComparison.Ordinal)) return item;
            return null;
        }

        public Task InstallAsync(string name, string? version, CancellationToken ct)
        {
            var query = version is null ? "" : "?version=" + Uri.EscapeDataString(version);
            return _api.SendAsync("Install extension", HttpMethod.Post, $"{Extensions}/{Uri.EscapeDataString(name)}{query}", null, ct);
        }

        /// <summary>The version's schema, whose enums list the values a monitoring configuration may take.</summary>
        public Task<JsonNode?> GetSchemaAsync(string name, string version, CancellationToken ct) =>
            _api.GetAsync("Get extension schema", $"{Extensions}/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(version)}/schema", ct);

        public async Task<string> CreateConfigurationAsync(string extension, JsonObject body, CancellationToken ct)
        {
            var answer = await _api.SendAsync("Create monitoring configuration", HttpMethod.Post, Configurations(extension), body, ct)
                .ConfigureAwait(false);
            // The platform answers a single object; the classic path answers an array of them.
            var item = answer is JsonArray array ? array[0] : answer;
            return (string?)item?["objectId"] ?? throw new InvalidOperationException("Dynatrace created a monitoring configuration without an objectId.");
        }

        /// <summary>Every configuration of the extension, at the largest page size the API allows.</summary>
        public Task<IReadOnlyList<JsonObject>> ListConfigurationsAsync(string extension, CancellationToken ct) =>
            _api.ListAsync("List monitoring configurations", Configurations(extension), "?page-size=500", ConfigurationsPaging, ct);

        public async Task<JsonObject> GetConfigurationAsync(string extension, string configurationId, CancellationToken ct) =>
            (JsonObject)(await _api.GetAsync("Get monitoring configuration", Configuration(extension, configurationId), ct).ConfigureAwait(false))!;

        /// <param name="value">The whole value as read, changed: the API replaces the value with what it is sent.</param>
        public Task UpdateConfigurationAsync(string extension, string configurationId, JsonObject value, CancellationToken ct) =>
            _api.SendAsync("Update monitoring configuration", HttpMethod.Put, Configuration(extension, configurationId),
                new JsonObject { ["value"] = value }, ct);

        public Task DeleteConfigurationAsync(string extension, string configurationId, CancellationToken ct) =>
            _api.SendAsync("Delete monitoring configuration", HttpMethod.Delete, Configuration(extension, configurationId), null, ct);

        /// <returns>{status, timestamp}</returns>
        public Task<JsonNode?> GetConfigurationStatusAsync(string extension, string configurationId, CancellationToken ct) =>
            _api.GetAsync("Get monitoring configuration status", Configuration(extension, configurationId) + "/status", ct);

        private static string Configuration(string extension, string configurationId) =>
            $"{Configurations(extension)}/{Uri.EscapeDataString(configurationId)}";

        private static string Configurations(string extension) => $"{Extensions}/{Uri.EscapeDataString(extension)}/monitoring-configurations";
    }
}
