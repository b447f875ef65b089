using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.WebUtilities;

namespace DynatraceAws.Emulator.Aws.Query;

/// <summary>
/// The members of one Query-protocol request (the form body), read by their model names and checked
/// against the model's constraints; a broken constraint is AWS's 400 ValidationError.
/// </summary>
internal sealed class QueryParameters
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private QueryParameters(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>Form encoding, '+' or %20 for a space, as the AWS CLI and the SDKs send it.</summary>
    public static QueryParameters FromForm(string body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryHelpers.ParseQuery(body)) values[name] = value.ToString();
        return new QueryParameters(values);
    }

    /// <summary>The same request without one member.</summary>
    public QueryParameters Without(string name) =>
        new(_values.Where(v => v.Key != name).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));

    public string Action => Raw("Action") ?? "";

    public string Version => Raw("Version") ?? "";

    public string? Raw(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string Required(string name, StringRule rule) =>
        Optional(name, rule) ?? throw Invalid("null", MemberName(name), "Member must not be null");

    public string? Optional(string name, StringRule rule)
    {
        var value = Raw(name);
        if (value is not null) Check(value, MemberName(name), rule);
        return value;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        var text = Raw(name);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Invalid($"'{text}'", MemberName(name), "Member must be an integer");
        if (value > max) throw Invalid(text, MemberName(name), $"Member must have value less than or equal to {max}");
        if (value < min) throw Invalid(text, MemberName(name), $"Member must have value greater than or equal to {min}");
        return value;
    }

    public bool OptionalBool(string name)
    {
        var text = Raw(name);
        if (text is null) return false;
        if (bool.TryParse(text, out var value)) return value;
        throw Invalid($"'{text}'", MemberName(name), "Member must be a boolean");
    }

    public string? OptionalEnum(string name, params string[] allowed)
    {
        var value = Raw(name);
        if (value is null || Array.IndexOf(allowed, value) >= 0) return value;
        throw Invalid($"'{value}'", MemberName(name), $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    /// <summary>A list of Key/Value structures, sent as Name.member.N.Key and Name.member.N.Value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KeyValueList(string name, StringRule keyRule, StringRule valueRule)
    {
        var items = new List<KeyValuePair<string, string>>();
        for (var n = 1; ; n++)
        {
            var prefix = $"{name}.member.{n.ToString(CultureInfo.InvariantCulture)}";
            var key = Raw(prefix + ".Key");
            var value = Raw(prefix + ".Value");
            if (key is null && value is null) return items;
            var member = $"{MemberName(name)}.{n.ToString(CultureInfo.InvariantCulture)}.member";
            if (key is null) throw Invalid("null", member + ".key", "Member must not be null");
            if (value is null) throw Invalid("null", member + ".value", "Member must not be null");
            Check(key, member + ".key", keyRule);
            Check(value, member + ".value", valueRule);
            items.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    private static void Check(string value, string member, StringRule rule)
    {
        if (rule.Violation(value) is { } violation) throw Invalid($"'{value}'", member, violation);
    }

    private static AwsError Invalid(string shownValue, string member, string constraint) =>
        AwsError.Validation($"1 validation error detected: Value {shownValue} at '{member}' failed to satisfy constraint: {constraint}");

    /// <summary>AWS names members in validation messages the Java way: RoleName is roleName.</summary>
    private static string MemberName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
