using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>One Settings 2.0 object as the API returns it.</summary>
    internal sealed class SettingsObject
    {
        public SettingsObject(string objectId, JsonObject value, string? updateToken)
        {
            ObjectId = objectId;
            Value = value;
            UpdateToken = updateToken;
        }

        public string ObjectId { get; }
        public JsonObject Value { get; }
        public string? UpdateToken { get; }

        public static SettingsObject From(JsonNode node) =>
            new SettingsObject((string)node["objectId"]!, node["value"] as JsonObject ?? new JsonObject(), (string?)node["updateToken"]);
    }
}
