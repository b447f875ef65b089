using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// builtin:hyperscaler-authentication.connections.aws v0.0.26: the rules a value must satisfy on
/// its own. Rules that need the other objects (unique name, immutable type, the role check) are
/// applied by <see cref="DynatraceState"/>.
/// </summary>
internal static partial class AwsConnectionSchema
{
    public const string SchemaId = "builtin:hyperscaler-authentication.connections.aws";
    public const string SchemaVersion = "0.0.26";
    public const string Scope = "environment";
    public const string RoleBased = "awsRoleBasedAuthentication";
    public const string WebIdentity = "awsWebIdentity";
    public const string DuplicateNameMessage = "There is another connection defined under this name.";

    /// <summary>The account Dynatrace SaaS (production) assumes monitoring roles from.</summary>
    public const string DynatracePrincipal = "arn:aws:iam::314146291599:root";

    private static readonly string[] RoleBasedConsumers =
        ["DA", "SVC:com.dynatrace.da", "SVC:com.dynatrace.bo", "SVC:com.dynatrace.openpipeline", "SVC:com.dynatrace.grail", "NONE"];

    private static readonly string[] WebIdentityConsumers = ["APP:dynatrace.aws.connector"];

    public static List<ConstraintViolation> Validate(JsonElement value)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(value, "", violations)) return violations;
        JsonRules.RejectUnknown(value, "", violations, "name", "type", RoleBased, WebIdentity);
        ValidateName(JsonRules.RequiredString(value, "name", "", violations), violations);
        switch (JsonRules.RequiredString(value, "type", "", violations))
        {
            case RoleBased:
                ValidateCredentials(value, RoleBased, WebIdentity, RoleBasedArn(), RoleBasedConsumers, violations);
                break;
            case WebIdentity:
                ValidateCredentials(value, WebIdentity, RoleBased, WebIdentityArn(), WebIdentityConsumers, violations);
                break;
            case { } type:
                violations.Add(new("type", $"Value '{type}' is not one of {RoleBased}, {WebIdentity}."));
                break;
        }
        return violations;
    }

    public static string NameOf(JsonElement value) => value.GetProperty("name").GetString()!;

    public static string TypeOf(JsonElement value) => value.GetProperty("type").GetString()!;

    public static string RoleArnOf(JsonElement value) =>
        value.TryGetProperty(TypeOf(value), out var credentials) && credentials.TryGetProperty("roleArn", out var arn)
            ? arn.GetString() ?? ""
            : "";

    /// <returns>the 12-digit account of a role ARN; null for an empty or non-numeric one.</returns>
    public static string? AccountOf(string roleArn) =>
        RoleArnAccount().Match(roleArn) is { Success: true } match ? match.Groups["account"].Value : null;

    /// <summary>Older versions of the schema exist upstream; only the current one is emulated.</summary>
    public static void ValidateSchemaVersion(JsonElement body, List<ConstraintViolation> violations)
    {
        if (JsonRules.OptionalString(body, "schemaVersion", "", violations) is { } version && version != SchemaVersion)
        {
            violations.Add(new("schemaVersion", $"Schema version {version} is not available; the current one is {SchemaVersion}."));
        }
    }

    private static void ValidateName(string? name, List<ConstraintViolation> violations)
    {
        if (name is null) return;
        if (name.Length is < 3 or > 100) violations.Add(new("name", "Text must be between 3 and 100 characters long."));
        if (name.Contains(':')) violations.Add(new("name", "The symbol : is not allowed the name"));
    }

    private static void ValidateCredentials(
        JsonElement value, string type, string otherType, Regex arnPattern, string[] allowedConsumers, List<ConstraintViolation> violations)
    {
        if (value.TryGetProperty(otherType, out _))
        {
            violations.Add(new(otherType, $"Property '{otherType}' is not allowed when type is {type}."));
        }
        if (JsonRules.RequiredObject(value, type, "", violations) is not { } credentials) return;
        JsonRules.RejectUnknown(credentials, type, violations, "roleArn", "consumers");

        var arnPath = JsonRules.Child(type, "roleArn");
        if (JsonRules.RequiredString(credentials, "roleArn", type, violations) is { } roleArn)
        {
            if (roleArn.Length > 2048) violations.Add(new(arnPath, "Text must not be longer than 2048 characters."));
            else if (!arnPattern.IsMatch(roleArn)) violations.Add(new(arnPath, $"Text does not match the pattern {arnPattern}."));
        }

        var consumersPath = JsonRules.Child(type, "consumers");
        if (JsonRules.RequiredStrings(credentials, "consumers", type, violations) is not { } consumers) return;
        if (consumers.Count > 1) violations.Add(new(consumersPath, "The list must not contain more than 1 item."));
        foreach (var consumer in consumers.Where(c => !allowedConsumers.Contains(c)))
        {
            violations.Add(new(consumersPath, $"Value '{consumer}' is not one of {string.Join(", ", allowedConsumers)}."));
        }
    }

    [GeneratedRegex(@"\Aarn:aws:iam::(?<account>\d{12}):role/")]
    private static partial Regex RoleArnAccount();

    [GeneratedRegex(@"\A(?:|arn:aws:iam::(?:aws|\d+?):role/.*)\z")]
    private static partial Regex RoleBasedArn();

    [GeneratedRegex(@"\A(?:|arn:(?:aws|aws-cn|aws-us-gov):iam::(?:aws|\d+?):role/.*)\z")]
    private static partial Regex WebIdentityArn();
}
