using System.Collections.Generic;
using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A settings PUT body: the new value, optionally guarded by the update token read before.</summary>
internal sealed record SettingsObjectUpdate(JsonElement Value, string? UpdateToken)
{
    public static Outcome<SettingsObjectUpdate> Parse(JsonElement body)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(body, "", violations)) return ApiError.Invalid(violations);
        JsonRules.RejectUnknown(body, "", violations, "value", "updateToken", "schemaVersion");
        AwsConnectionSchema.ValidateSchemaVersion(body, violations);
        var updateToken = JsonRules.OptionalString(body, "updateToken", "", violations);
        if (!body.TryGetProperty("value", out var value)) violations.Add(new("value", "Required property is missing."));
        return violations.Count > 0 ? ApiError.Invalid(violations) : new SettingsObjectUpdate(value, updateToken);
    }
}
