using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>Settings 2.0 objects on the platform path.</summary>
    internal sealed class SettingsClient
    {
        private const string Objects = "platform/classic/environment-api/v2/settings/objects";
        private readonly DynatraceApi _api;

        public SettingsClient(DynatraceApi api) => _api = api;

        /// <returns>The objectId of the new object.</returns>
        public async Task<string> CreateAsync(string schemaId, string scope, JsonObject value, CancellationToken ct)
        {
            var body = new JsonArray(new JsonObject { ["schemaId"] = schemaId, ["scope"] = scope, ["value"] = value });
            var answer = await _api.SendAsync("Create settings object", HttpMethod.Post, Objects, body, ct).ConfigureAwait(false);
            var item = (answer as JsonArray)?[0] ?? throw new InvalidOperationException("Dynatrace answered a settings POST without a result.");
            var code = (int?)item["code"] ?? 0;
            if (code < 200 || code > 299) throw DynatraceErrors.FromItem("Create settings object", item);
            return (string)item["objectId"]!;
        }

        /// <summary>Every object of the schema, following nextPageKey to the last page.</summary>
        public async Task<IReadOnlyList<SettingsObject>> ListAsync(string schemaId, CancellationToken ct)
        {
            var all = new List<SettingsObject>();
            var query = $"{Objects}?schemaIds={Uri.EscapeDataString(schemaId)}&fields=objectId,value&pageSize=500";
            while (true)
            {
                var page = await _api.GetAsync("List settings objects", query, ct).ConfigureAwait(false);
                foreach (var item in page?["items"] as JsonArray ?? new JsonArray())
                    if (item != null) all.Add(SettingsObject.From(item));
                var next = (string?)page?["nextPageKey"];
                if (string.IsNullOrEmpty(next)) return all;
                query = $"{Objects}?nextPageKey={Uri.EscapeDataString(next!)}";
            }
        }

        public async Task<SettingsObject> GetAsync(string objectId, CancellationToken ct)
        {
            var node = await _api.GetAsync("Get settings object", $"{Objects}/{Uri.EscapeDataString(objectId)}", ct).ConfigureAwait(false);
            return SettingsObject.From(node!);
        }

        public Task UpdateAsync(string objectId, JsonObject value, string? updateToken, CancellationToken ct)
        {
            var body = new JsonObject { ["value"] = value };
            if (updateToken != null) body["updateToken"] = updateToken;
            return _api.SendAsync("Update settings object", HttpMethod.Put, $"{Objects}/{Uri.EscapeDataString(objectId)}", body, ct);
        }

        public Task DeleteAsync(string objectId, CancellationToken ct) =>
            _api.SendAsync("Delete settings object", HttpMethod.Delete, $"{Objects}/{Uri.EscapeDataString(objectId)}", null, ct);
    }
}
