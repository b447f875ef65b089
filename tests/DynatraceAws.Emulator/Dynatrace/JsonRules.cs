using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// Shape checks shared by the validators. Each records a violation when the property is missing
/// or of the wrong kind, and returns null then, so callers check deeper only what is usable.
/// </summary>
internal static class JsonRules
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}/{name}";

    public static bool IsObject(JsonElement element, string path, List<ConstraintViolation> violations)
    {
        if (element.ValueKind == JsonValueKind.Object) return true;
        violations.Add(new(path, "Expected an object."));
        return false;
    }

    public static void RejectUnknown(JsonElement obj, string path, List<ConstraintViolation> violations, params string[] allowed)
    {
        foreach (var property in obj.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            violations.Add(new(Child(path, property.Name), $"Unknown property '{property.Name}'."));
        }
    }

    public static JsonElement? RequiredObject(JsonElement obj, string name, string path, List<ConstraintViolation> violations) =>
        Required(obj, name, "an object", path, violations, JsonValueKind.Object);

    public static JsonElement? RequiredArray(JsonElement obj, string name, string path, List<ConstraintViolation> violations) =>
        Required(obj, name, "a list", path, violations, JsonValueKind.Array);

    public static string? RequiredString(JsonElement obj, string name, string path, List<ConstraintViolation> violations) =>
        Required(obj, name, "a string", path, violations, JsonValueKind.String)?.GetString();

    /// <returns>null when absent, or present but not a string.</returns>
    public static string? OptionalString(JsonElement obj, string name, string path, List<ConstraintViolation> violations) =>
        obj.TryGetProperty(name, out _) ? RequiredString(obj, name, path, violations) : null;

    public static void RequiredBoolean(JsonElement obj, string name, string path, List<ConstraintViolation> violations) =>
        Required(obj, name, "a boolean", path, violations, JsonValueKind.True, JsonValueKind.False);

    public static IReadOnlyList<string>? RequiredStrings(JsonElement obj, string name, string path, List<ConstraintViolation> violations)
    {
        if (RequiredArray(obj, name, path, violations) is not { } array) return null;
        if (array.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
        {
            return array.EnumerateArray().Select(item => item.GetString()!).ToArray();
        }
        violations.Add(new(Child(path, name), "Expected a list of strings."));
        return null;
    }

    private static JsonElement? Required(
        JsonElement obj, string name, string expected, string path, List<ConstraintViolation> violations, params JsonValueKind[] kinds)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            violations.Add(new(Child(path, name), "Required property is missing."));
            return null;
        }
        if (kinds.Contains(value.ValueKind)) return value;
        violations.Add(new(Child(path, name), $"Expected {expected}."));
        return null;
    }
}
