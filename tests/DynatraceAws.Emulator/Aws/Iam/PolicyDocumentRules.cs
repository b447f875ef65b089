using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>
/// What IAM checks in a policy document before it stores it, in the order moto checks it (with
/// moto's messages), plus two rules of the real service moto lacks: a permissions policy names no
/// principal, and a trust policy names one, in a form IAM accepts.
/// </summary>
internal static class PolicyDocumentRules
{

    private static readonly string[] TopElements = ["Version", "Id", "Statement", "Conditions"];
    private static readonly string[] Versions = ["2008-10-17", "2012-10-17"];
    private static readonly string[] StatementElements =
        ["Sid", "Action", "NotAction", "Resource", "NotResource", "Effect", "Principal", "NotPrincipal", "Condition"];
    private static readonly string[] Effects = ["Allow", "Deny"];
    private static readonly string[] ConditionOperators =
    [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    ];
    private static readonly string[] IamResourcePaths =
    [
        "user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/",
        "saml-provider/", "oidc-provider/", "report/", "access-report/",
    ];
    private static readonly string[] TrustActions =
    [
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:DecodeAuthorizationMessage",
        "sts:GetAccessKeyInfo", "sts:GetCallerIdentity", "sts:GetFederationToken", "sts:GetServiceBearerToken",
        "sts:GetSessionToken", "sts:SetSourceIdentity", "sts:TagSession",
    ];

    /// <summary>A managed (identity) policy: CreatePolicy, CreatePolicyVersion.</summary>
    public static void CheckPermissionsPolicy(string document)
    {
        using var json = Parse(document);
        var statements = CheckCommonRules(json.RootElement);
        if (statements.Any(s => s.TryGetProperty("Principal", out _) || s.TryGetProperty("NotPrincipal", out _)))
            throw Malformed("Policy document should not specify a principal.");
        if (!statements.All(s => HasNonEmpty(s, "Resource") || HasNonEmpty(s, "NotResource")))
            throw Malformed("Policy statement must contain resources.");
    }

    /// <summary>A role's trust policy: CreateRole, UpdateAssumeRolePolicy.</summary>
    public static void CheckTrustPolicy(string document)
    {
        using var json = Parse(document);
        var statements = CheckCommonRules(json.RootElement);
        if (!statements.All(s => Strings(s, "Action") is { } actions && actions.All(TrustActions.Contains)))
        {
            throw Malformed(
                "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity");
        }
        if (statements.Any(s => s.TryGetProperty("Resource", out _) || s.TryGetProperty("NotResource", out _)))
            throw Malformed("Has prohibited field Resource.");
        foreach (var statement in statements)
        {
            if (!statement.TryGetProperty("Principal", out var principal) && !statement.TryGetProperty("NotPrincipal", out principal))
                throw Malformed("Missing required field Principal");
            CheckPrincipal(principal);
        }
    }

    /// <summary>The size IAM's quotas count: every character but space, tab, CR and LF.</summary>
    public static void CheckSize(string document, string quotaName, int quota)
    {
        if (document.Count(c => c is not (' ' or '\t' or '\r' or '\n')) > quota)
            throw AwsError.LimitExceeded($"Cannot exceed quota for {quotaName}: {quota}");
    }

    private static JsonDocument Parse(string document)
    {
        try
        {
            return JsonDocument.Parse(document);
        }
        catch (JsonException)
        {
            throw Malformed("Syntax errors in policy.");
        }
    }

    private static IReadOnlyList<JsonElement> CheckCommonRules(JsonElement root)
    {
        if (!IsWellFormed(root, out var statements)) throw Malformed("Syntax errors in policy.");
        if (!root.TryGetProperty("Version", out var version) || version.GetString() != "2012-10-17")
            throw Malformed("Policy document must be version 2012-10-17 or greater.");
        if (!PassesLegacyParsing(statements)) throw Malformed("The policy failed legacy parsing");
        var sids = statements.Select(s => s.TryGetProperty("Sid", out var sid) ? sid.GetString() : null)
            .Where(sid => !string.IsNullOrEmpty(sid))
            .ToArray();
        if (sids.Distinct(StringComparer.Ordinal).Count() != sids.Length) throw Malformed("Statement IDs (SID) in a single policy must be unique.");
        if (!statements.All(s => HasNonEmpty(s, "Action") || HasNonEmpty(s, "NotAction"))) throw Malformed("Policy statement must contain actions.");
        var resourceError = statements.SelectMany(s => Either(s, "Resource", "NotResource")).Select(ResourceFormatError)
            .FirstOrDefault(error => error is not null);
        if (resourceError is not null) throw Malformed(resourceError);
        foreach (var action in statements.SelectMany(s => Either(s, "Action", "NotAction"))) CheckActionPrefix(action);
        return statements;
    }

    private static bool IsWellFormed(JsonElement root, out IReadOnlyList<JsonElement> statements)
    {
        statements = [];
        if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => !TopElements.Contains(p.Name))) return false;
        if (root.TryGetProperty("Version", out var version) && !Versions.Contains(version.ValueKind == JsonValueKind.String ? version.GetString() : null))
            return false;
        if (root.TryGetProperty("Id", out var id) && id.ValueKind != JsonValueKind.String) return false;
        if (!root.TryGetProperty("Statement", out var statement)) return false;
        statements = statement.ValueKind switch
        {
            JsonValueKind.Object => [statement],
            JsonValueKind.Array => statement.EnumerateArray().ToArray(),
            _ => [],
        };
        return statements.Count > 0 && statements.All(IsWellFormedStatement);
    }

    private static bool IsWellFormedStatement(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object || statement.EnumerateObject().Any(p => !StatementElements.Contains(p.Name))) return false;
        bool Has(string name) => statement.TryGetProperty(name, out _);
        if ((Has("Resource") && Has("NotResource")) || (Has("Action") && Has("NotAction"))) return false;
        if (!statement.TryGetProperty("Effect", out var effect) || effect.ValueKind != JsonValueKind.String
            || !Effects.Contains(effect.GetString(), StringComparer.OrdinalIgnoreCase))
            return false;
        if (new[] { "Action", "NotAction", "Resource", "NotResource" }.Any(name => Has(name) && Strings(statement, name) is null)) return false;
        if (statement.TryGetProperty("Sid", out var sid) && sid.ValueKind != JsonValueKind.String) return false;
        return !statement.TryGetProperty("Condition", out var condition) || IsWellFormedCondition(condition);
    }

    private static bool IsWellFormedCondition(JsonElement condition) =>
        condition.ValueKind == JsonValueKind.Object
        && condition.EnumerateObject().All(block =>
            block.Value.ValueKind == JsonValueKind.Object
            && block.Value.EnumerateObject().All(entry => entry.Value.ValueKind is JsonValueKind.String or JsonValueKind.Array
                or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number)
            && (ConditionOperators.Contains(BaseOperator(block.Name)) || !block.Value.EnumerateObject().Any()));

    /// <summary>The operator without a ForAnyValue:/ForAllValues: prefix and an IfExists suffix.</summary>
    public static string BaseOperator(string conditionOperator)
    {
        foreach (var prefix in new[] { "ForAnyValue:", "ForAllValues:" })
        {
            if (conditionOperator.StartsWith(prefix, StringComparison.Ordinal)) conditionOperator = conditionOperator[prefix.Length..];
        }
        return conditionOperator.EndsWith("IfExists", StringComparison.Ordinal) ? conditionOperator[..^"IfExists".Length] : conditionOperator;
    }

    /// <summary>IAM's older parser: Effect spelled exactly, dates that parse, resource ARNs with a service.</summary>
    private static bool PassesLegacyParsing(IReadOnlyList<JsonElement> statements) =>
        statements.All(statement =>
            Effects.Contains(statement.GetProperty("Effect").GetString(), StringComparer.Ordinal)
            && DateConditionsParse(statement)
            && Either(statement, "Resource", "NotResource")
                .All(resource => resource == "*" || ResourceFormatError(resource) is not null || PassesLegacyResourceParsing(resource)));

    private static bool DateConditionsParse(JsonElement statement) =>
        !statement.TryGetProperty("Condition", out var condition)
        || condition.EnumerateObject()
            .Where(block => BaseOperator(block.Name).StartsWith("Date", StringComparison.Ordinal))
            .SelectMany(block => block.Value.EnumerateObject())
            .SelectMany(entry => entry.Value.ValueKind == JsonValueKind.Array ? entry.Value.EnumerateArray().ToArray() : [entry.Value])
            .All(value => value.ValueKind == JsonValueKind.String && IsDate(value.GetString()!));

    private static bool IsDate(string value) =>
        value.Contains('-') || value.Contains('t', StringComparison.OrdinalIgnoreCase)
            ? DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool PassesLegacyResourceParsing(string resource)
    {
        var parts = resource.Split(':');
        return (parts.Length >= 6 || !resource.Contains("::", StringComparison.Ordinal)) && parts.Length > 2 && parts[2].Length > 0;
    }

    /// <summary>What is wrong with a resource's ARN format, in IAM's words, or null.</summary>
    private static string? ResourceFormatError(string resource)
    {
        if (resource == "*") return null;
        var parts = resource.Split(':');
        if (parts.Length < 2) return $"Resource {resource} must be in ARN format or \"*\".";
        var partition = parts[1];
        if (partition != "*" && !AwsPartitions.Ids.Contains(partition))
        {
            string Part(int index) => index < parts.Length && (parts[index].Length > 0 || parts.Length > index + 1) ? parts[index] : "*";
            var rest = parts.Length > 5 ? string.Join(":", parts[5..]) : "*";
            return $"Partition \"{partition}\" is not valid for resource \"arn:{partition}:{Part(2)}:{Part(3)}:{Part(4)}:{rest}\".";
        }
        if (parts.Length < 3) return "Resource vendor must be fully qualified and cannot contain regexes.";
        var service = parts[2];
        var region = parts.Length > 3 ? parts[3] : "";
        var resourceId = parts.Length > 5 ? string.Join(":", parts[5..]) : "";
        if (service == "iam" && region.Length > 0) return $"IAM resource {resource} cannot contain region information.";
        if (service == "s3" && region.Length > 0 && !resourceId.StartsWith("accesspoint/", StringComparison.Ordinal))
            return $"Resource {resource} can not contain region information.";
        if (service == "iam" && !IamResourcePaths.Any(path => resourceId.StartsWith(path, StringComparison.Ordinal)))
            return $"IAM resource path must either be \"*\" or start with {string.Join(", ", IamResourcePaths)}.";
        return null;
    }

    private static void CheckActionPrefix(string action)
    {
        var parts = action.Split(':');
        if (parts.Length == 1 && parts[0] != "*") throw Malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        if (parts.Length > 2) throw Malformed("Actions/Condition can contain only one colon.");
        if (parts[0] != "*" && parts[0].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))) throw Malformed($"Vendor {parts[0]} is not valid");
    }

    /// <summary>
    /// IAM resolves every AWS principal when it stores a trust policy: an account id, an account's
    /// root, a user, role or assumed-role ARN, or "*"; anything else is an invalid principal.
    /// </summary>
    private static void CheckPrincipal(JsonElement principal)
    {
        if (principal.ValueKind == JsonValueKind.String && principal.GetString() == "*") return;
        if (principal.ValueKind != JsonValueKind.Object || !principal.EnumerateObject().Any()) throw Malformed("Syntax errors in policy.");
        foreach (var kind in principal.EnumerateObject())
        {
            var values = kind.Value.ValueKind == JsonValueKind.Array ? kind.Value.EnumerateArray().ToArray() : [kind.Value];
            foreach (var value in values)
            {
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
                if (text.Length == 0 || (kind.Name == "AWS" && !TrustPolicy.IsAwsPrincipal(text)))
                    throw Malformed($"Invalid principal in policy: \"{kind.Name}\":\"{text}\"");
            }
        }
    }

    /// <summary>The strings of whichever of the two members the statement has (it may have one at most).</summary>
    private static IReadOnlyList<string> Either(JsonElement statement, string name, string negatedName) =>
        Strings(statement, name) ?? Strings(statement, negatedName) ?? [];

    private static bool HasNonEmpty(JsonElement statement, string name) => Strings(statement, name) is { Count: > 0 };

    /// <summary>A member that is a string or a list of strings, as a list; null when absent or of another shape.</summary>
    private static IReadOnlyList<string>? Strings(JsonElement statement, string name)
    {
        if (!statement.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String)) return null;
        return value.EnumerateArray().Select(item => item.GetString()!).ToArray();
    }

    private static AwsError Malformed(string message) => AwsError.MalformedPolicyDocument(message);
}
