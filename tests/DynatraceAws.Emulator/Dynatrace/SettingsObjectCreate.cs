using System.Collections.Generic;
using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>One item of a settings POST body, checked on its own: schema, scope, value shape.</summary>
internal sealed record SettingsObjectCreate(string SchemaId, string Scope, JsonElement Value, string? ExternalId, string? ObjectId)
{
    public static Outcome<SettingsObjectCreate> Parse(JsonElement item)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(item, "", violations)) return ApiError.Invalid(violations);
        var schemaId = JsonRules.RequiredString(item, "schemaId", "", violations);
        if (schemaId is not null && schemaId != AwsConnectionSchema.SchemaId) return ApiError.NotFound($"Schema {schemaId} not found.");

        JsonRules.RejectUnknown(item, "", violations, "schemaId", "scope", "value", "schemaVersion", "externalId", "objectId");
        var scope = JsonRules.RequiredString(item, "scope", "", violations);
        if (scope is not null && scope != AwsConnectionSchema.Scope)
        {
            violations.Add(new("scope", $"Scope '{scope}' is not allowed for this schema; allowed: {AwsConnectionSchema.Scope}."));
        }
        AwsConnectionSchema.ValidateSchemaVersion(item, violations);
        var externalId = JsonRules.OptionalString(item, "externalId", "", violations);
        if (externalId is { Length: > 500 }) violations.Add(new("externalId", "Text must not be longer than 500 characters."));
        var objectId = JsonRules.OptionalString(item, "objectId", "", violations);
        if (objectId is not null && externalId is null)
        {
            violations.Add(new("objectId", "objectId is only applicable if an externalId is provided."));
        }
        if (!item.TryGetProperty("value", out var value)) violations.Add(new("value", "Required property is missing."));
        else violations.AddRange(AwsConnectionSchema.Validate(value));

        return violations.Count > 0
            ? ApiError.Invalid(violations)
            : new SettingsObjectCreate(schemaId!, scope!, value, externalId, objectId);
    }
}
