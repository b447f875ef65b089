using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>Renders a settings object with exactly the fields asked for, in the order real responses use.</summary>
internal static class SettingsObjectJson
{
    public static readonly string[] AllFields =
    [
        "objectId", "summary", "searchSummary", "created", "modified", "createdBy", "modifiedBy", "author",
        "updateToken", "scope", "modificationInfo", "resourceContext", "owner", "schemaId", "schemaVersion", "value", "externalId",
    ];

    /// <summary>What a list returns without a fields parameter (a recorded real page carries just these).</summary>
    public static readonly string[] ListDefaultFields = ["objectId", "value"];

    /// <summary>What GET one returns, as recorded; externalId only when the object has one.</summary>
    private static readonly string[] OneObjectFields =
        ["objectId", "summary", "searchSummary", "created", "modified", "author", "updateToken", "scope", "schemaId", "schemaVersion", "value"];

    public static JsonObject One(SettingsObject settingsObject) =>
        Render(settingsObject, settingsObject.ExternalId is null ? OneObjectFields : [.. OneObjectFields, "externalId"]);

    public static JsonObject Render(SettingsObject settingsObject, IReadOnlyCollection<string> fields)
    {
        var json = new JsonObject();
        foreach (var field in AllFields.Where(fields.Contains)) json[field] = Field(settingsObject, field);
        return json;
    }

    private static JsonNode? Field(SettingsObject o, string field) => field switch
    {
        "objectId" => o.ObjectId,
        "summary" or "searchSummary" => o.Name,
        "created" => o.Created,
        "modified" => o.Modified,
        "createdBy" => o.CreatedBy,
        "modifiedBy" or "author" => o.ModifiedBy,
        "updateToken" => o.UpdateToken,
        "scope" => o.Scope,
        "modificationInfo" => new JsonObject
        {
            ["deletable"] = true, ["modifiable"] = true, ["movable"] = false,
            ["modifiablePaths"] = new JsonArray(), ["nonModifiablePaths"] = new JsonArray(),
        },
        "resourceContext" => new JsonObject
        {
            ["operations"] = new JsonArray("read", "write", "delete"),
            ["modifications"] = new JsonObject
            {
                ["movable"] = false, ["modifiablePaths"] = new JsonArray(), ["nonModifiablePaths"] = new JsonArray(),
            },
        },
        "owner" => new JsonObject { ["type"] = "user", ["id"] = o.CreatedBy },
        "schemaId" => o.SchemaId,
        "schemaVersion" => AwsConnectionSchema.SchemaVersion,
        "value" => JsonNode.Parse(o.Value.GetRawText()),
        "externalId" => o.ExternalId,
        _ => null,
    };
}
