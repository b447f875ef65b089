using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>
/// Whether a role's trust policy lets a principal sts:AssumeRole: an Allow statement names the
/// principal (its account, its account's root, its ARN, or "*"), the action matches, and every
/// condition holds; no Deny statement does the same. Conditions are understood on sts:ExternalId
/// with the String operators; any other condition never holds, so its statement neither grants nor denies.
/// </summary>
internal static partial class TrustPolicy
{
    private const string AssumeRole = "sts:AssumeRole";
    private const string ExternalIdKey = "sts:ExternalId";

    public static bool IsAwsPrincipal(string value) => value == "*" || AwsPrincipal().IsMatch(value);

    /// <param name="document">A trust policy IAM accepted (see <see cref="PolicyDocumentRules.CheckTrustPolicy"/>).</param>
    /// <param name="principalArns">The ARNs the principal goes by: an account root, or a role and its session.</param>
    /// <param name="externalId">What the caller passed as ExternalId; null when it passed none.</param>
    public static bool Allows(string document, string accountId, IReadOnlyList<string> principalArns, string? externalId)
    {
        using var json = JsonDocument.Parse(document);
        var applying = Statements(json)
            .Where(s => MatchesAction(s) && NamesPrincipal(s, accountId, principalArns) && ConditionsHold(s, externalId))
            .Select(s => s.GetProperty("Effect").GetString())
            .ToArray();
        return applying.Contains("Allow") && !applying.Contains("Deny");
    }

    /// <summary>The first principal a trust policy names, as IAM quotes it in "Invalid principal in policy" errors.</summary>
    public static string FirstPrincipal(string document)
    {
        using var json = JsonDocument.Parse(document);
        var statement = Statements(json)[0];
        if (!statement.TryGetProperty("Principal", out var principal)) principal = statement.GetProperty("NotPrincipal");
        if (principal.ValueKind == JsonValueKind.String) return $"\"{principal.GetString()}\"";
        var kind = principal.EnumerateObject().First();
        return $"\"{kind.Name}\":\"{Values(kind.Value)[0]}\"";
    }

    private static IReadOnlyList<JsonElement> Statements(JsonDocument json)
    {
        var statement = json.RootElement.GetProperty("Statement");
        return statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToArray() : [statement];
    }

    private static bool MatchesAction(JsonElement statement) =>
        statement.TryGetProperty("Action", out var action)
            ? Values(action).Any(pattern => Glob(pattern, AssumeRole, ignoreCase: true))
            : !Values(statement.GetProperty("NotAction")).Any(pattern => Glob(pattern, AssumeRole, ignoreCase: true));

    private static bool NamesPrincipal(JsonElement statement, string accountId, IReadOnlyList<string> principalArns)
    {
        if (!statement.TryGetProperty("Principal", out var principal)) return false;
        if (principal.ValueKind == JsonValueKind.String) return principal.GetString() == "*";
        return principal.TryGetProperty("AWS", out var aws)
            && Values(aws).Any(name =>
                name == "*" || name == accountId || name == AwsCaller.RootArn(accountId) || principalArns.Contains(name));
    }

    private static bool ConditionsHold(JsonElement statement, string? externalId) =>
        !statement.TryGetProperty("Condition", out var condition)
        || condition.EnumerateObject().All(block => block.Value.EnumerateObject().All(entry => Holds(block.Name, entry, externalId)));

    private static bool Holds(string conditionOperator, JsonProperty entry, string? externalId)
    {
        if (!string.Equals(entry.Name, ExternalIdKey, StringComparison.OrdinalIgnoreCase)) return false;
        var baseOperator = PolicyDocumentRules.BaseOperator(conditionOperator);
        // A key the request lacks satisfies IfExists and the negated operators only.
        if (externalId is null)
            return conditionOperator.EndsWith("IfExists", StringComparison.Ordinal) || baseOperator.StartsWith("StringNot", StringComparison.Ordinal);
        var values = Values(entry.Value);
        return baseOperator switch
        {
            "StringEquals" => values.Contains(externalId, StringComparer.Ordinal),
            "StringNotEquals" => !values.Contains(externalId, StringComparer.Ordinal),
            "StringEqualsIgnoreCase" => values.Contains(externalId, StringComparer.OrdinalIgnoreCase),
            "StringNotEqualsIgnoreCase" => !values.Contains(externalId, StringComparer.OrdinalIgnoreCase),
            "StringLike" => values.Any(pattern => Glob(pattern, externalId, ignoreCase: false)),
            "StringNotLike" => !values.Any(pattern => Glob(pattern, externalId, ignoreCase: false)),
            _ => false,
        };
    }

    private static IReadOnlyList<string> Values(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(Text).ToArray()
            : [Text(value)];

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>IAM's wildcards: * any run of characters, ? any one.</summary>
    private static bool Glob(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
    }

    [GeneratedRegex(@"^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:(root|user/.+|role/.+)|arn:aws[a-z-]*:sts::\d{12}:assumed-role/.+/.+)$")]
    private static partial Regex AwsPrincipal();
}
