using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The rules a da-aws monitoring configuration body must satisfy on its own. Rules that need the
/// environment (installed version, existing connection, unique account) are applied by <see cref="DynatraceState"/>.
/// </summary>
internal static partial class MonitoringConfigurationRules
{
    public const string AccountNotUniqueMessage = "Account ID must be unique";
    public const string CredentialPath = "value/aws/credentials/0";

    /// <returns>the value of a POST body {scope, value}.</returns>
    public static Outcome<JsonElement> ParseCreate(JsonElement body) => Parse(body, requireScope: true);

    /// <returns>the value of a PUT body {value}; a scope, if sent, must be the one it has.</returns>
    public static Outcome<JsonElement> ParseUpdate(JsonElement body) => Parse(body, requireScope: false);

    private static Outcome<JsonElement> Parse(JsonElement body, bool requireScope)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(body, "", violations)) return ApiError.Invalid(violations);
        JsonRules.RejectUnknown(body, "", violations, "scope", "value");
        var scope = requireScope
            ? JsonRules.RequiredString(body, "scope", "", violations)
            : JsonRules.OptionalString(body, "scope", "", violations);
        if (scope is not null && scope != DaAwsCatalogue.Scope)
        {
            violations.Add(new("scope", $"The scope must be {DaAwsCatalogue.Scope}; it cannot be changed."));
        }
        if (JsonRules.RequiredObject(body, "value", "", violations) is { } value) ValidateValue(value, violations);
        return violations.Count > 0 ? ApiError.Invalid(violations) : body.GetProperty("value");
    }

    private static void ValidateValue(JsonElement value, List<ConstraintViolation> violations)
    {
        const string path = "value";
        JsonRules.RequiredBoolean(value, "enabled", path, violations);
        if (JsonRules.RequiredString(value, "description", path, violations) is { } description && !Description().IsMatch(description))
        {
            violations.Add(new("value/description", "Use only letters, numbers and hyphens, and start with a letter."));
        }
        JsonRules.RequiredString(value, "version", path, violations);
        if (JsonRules.RequiredStrings(value, "featureSets", path, violations) is { } featureSets) ValidateFeatureSets(featureSets, violations);
        if (JsonRules.RequiredObject(value, "aws", path, violations) is { } aws) ValidateAws(aws, violations);
    }

    private static void ValidateFeatureSets(IReadOnlyList<string> featureSets, List<ConstraintViolation> violations)
    {
        const string path = "value/featureSets";
        if (featureSets.Count == 0) violations.Add(new(path, "At least one feature set is required."));
        if (featureSets.Distinct().Count() != featureSets.Count) violations.Add(new(path, "Feature sets must not repeat."));
        foreach (var unknown in featureSets.Where(f => !DaAwsCatalogue.FeatureSets.Contains(f)))
        {
            violations.Add(new(path, $"'{unknown}' is not a feature set of {DaAwsCatalogue.ExtensionName}."));
        }
    }

    private static void ValidateAws(JsonElement aws, List<ConstraintViolation> violations)
    {
        const string path = "value/aws";
        if (JsonRules.RequiredString(aws, "deploymentRegion", path, violations) is { } deploymentRegion)
        {
            ValidateRegions([deploymentRegion], "value/aws/deploymentRegion", violations);
        }
        if (JsonRules.RequiredArray(aws, "credentials", path, violations) is { } credentials) ValidateCredentials(credentials, violations);

        var regions = JsonRules.RequiredStrings(aws, "regionFiltering", path, violations);
        if (regions is not null)
        {
            ValidateRegions(regions, "value/aws/regionFiltering", violations);
            if (!regions.Contains(DaAwsCatalogue.RequiredRegion))
            {
                violations.Add(new("value/aws/regionFiltering", $"{DaAwsCatalogue.RequiredRegion} must always be monitored: global AWS resources reside there."));
            }
        }
        if (JsonRules.RequiredObject(aws, "metricsConfiguration", path, violations) is not { } metrics) return;
        JsonRules.RequiredBoolean(metrics, "enabled", "value/aws/metricsConfiguration", violations);
        var metricsRegions = JsonRules.RequiredStrings(metrics, "regions", "value/aws/metricsConfiguration", violations);
        if (regions is not null && metricsRegions is not null && !regions.ToHashSet().SetEquals(metricsRegions))
        {
            violations.Add(new("value/aws/metricsConfiguration/regions", "The regions must be those of regionFiltering."));
        }
    }

    private static void ValidateRegions(IEnumerable<string> regions, string path, List<ConstraintViolation> violations)
    {
        foreach (var unknown in regions.Where(r => !DaAwsCatalogue.Regions.Contains(r)))
        {
            violations.Add(new(path, $"'{unknown}' is not a supported AWS region."));
        }
    }

    /// <summary>One account per configuration (deploymentScope SINGLE_ACCOUNT), with exactly the fields of the documented payload.</summary>
    private static void ValidateCredentials(JsonElement credentials, List<ConstraintViolation> violations)
    {
        if (credentials.GetArrayLength() != 1)
        {
            violations.Add(new("value/aws/credentials", "Exactly one credential is required."));
            return;
        }
        var credential = credentials[0];
        if (!JsonRules.IsObject(credential, CredentialPath, violations)) return;
        JsonRules.RejectUnknown(credential, CredentialPath, violations, "enabled", "description", "connectionId", "accountId");
        JsonRules.RequiredBoolean(credential, "enabled", CredentialPath, violations);
        JsonRules.RequiredString(credential, "description", CredentialPath, violations);
        JsonRules.RequiredString(credential, "connectionId", CredentialPath, violations);
        if (JsonRules.RequiredString(credential, "accountId", CredentialPath, violations) is { } accountId && !AccountId().IsMatch(accountId))
        {
            violations.Add(new($"{CredentialPath}/accountId", "An AWS account ID has 12 digits."));
        }
    }

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9-]*\z")]
    private static partial Regex Description();

    [GeneratedRegex(@"\A[0-9]{12}\z")]
    private static partial Regex AccountId();
}
