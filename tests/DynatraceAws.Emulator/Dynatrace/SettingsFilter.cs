using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The part of the settings filter language a client needs to find an object by a value field:
/// <c>value.a.b = 'text'</c>. Anything richer is refused rather than silently ignored.
/// </summary>
internal sealed partial record SettingsFilter(string[] ValuePath, string Literal)
{
    public const string Supported = "value.<path> = '<text>'";

    public static SettingsFilter? Parse(string text)
    {
        var match = Equality().Match(text);
        return match.Success
            ? new SettingsFilter(match.Groups["path"].Value.Split('.'), match.Groups["literal"].Value.Replace("\\'", "'"))
            : null;
    }

    public bool Matches(JsonElement value)
    {
        var node = value;
        foreach (var name in ValuePath)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node)) return false;
        }
        return node.ValueKind == JsonValueKind.String && node.GetString() == Literal;
    }

    [GeneratedRegex(@"\A\s*value\.(?<path>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*=\s*'(?<literal>(?:[^'\\]|\\.)*)'\s*\z")]
    private static partial Regex Equality();
}
