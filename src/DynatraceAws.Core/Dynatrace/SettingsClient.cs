using System;
using System.Collections.Generic;
using System.Linq;
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
        /// <summary>Later pages carry nextPageKey and nothing else: the key holds the first page's query.</summary>
        private static readonly Paging ObjectsPaging = Paging.ByKey("items", "objectId", "nextPageKey");

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

        /// <summary>Every object of the schema, at the largest page size the API allows.</summary>
        public async Task<IReadOnlyList<SettingsObject>> ListAsync(string schemaId, CancellationToken ct)
        {
            var items = await _api.ListAsync("List settings objects", Objects, $"?schemaIds={Uri.EscapeDataString(schemaId)}&fields=objectId,value&pageSize=500",
                ObjectsPaging, ct).ConfigureAwait(false);
            return items.Select(SettingsObject.From).ToArray();
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
