using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The AwsCredentialsConfig body rules of seed 001 (classic config v1 AWS credentials).</summary>
internal static class AwsCredentialRules
{
    public const int MaxTagsToMonitor = 10;
    public static readonly string[] PartitionTypes = ["AWS_DEFAULT", "AWS_CN", "AWS_US_GOV"];

    /// <param name="idInPath">null for a POST (and its validator), where the body must not carry an id.</param>
    public static List<ConstraintViolation> Validate(JsonElement body, string? idInPath, string iamExternalId)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(body, "", violations)) return violations;
        if (body.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null
            && (idInPath is null || id.GetString() != idInPath))
        {
            violations.Add(new("id", idInPath is null ? "The body must not provide an ID." : "The ID must match the ID in the path."));
        }
        if (JsonRules.RequiredString(body, "label", "", violations) is { Length: 0 }) violations.Add(new("label", "Must not be empty."));
        if (JsonRules.RequiredString(body, "partitionType", "", violations) is { } partition && !PartitionTypes.Contains(partition))
        {
            violations.Add(new("partitionType", $"Must be one of {string.Join(", ", PartitionTypes)}."));
        }
        JsonRules.RequiredBoolean(body, "taggedOnly", "", violations);
        var tagCount = body.TryGetProperty("tagsToMonitor", out var tags) && tags.ValueKind == JsonValueKind.Array ? tags.GetArrayLength() : 0;
        if (tagCount > MaxTagsToMonitor)
        {
            violations.Add(new("tagsToMonitor", $"You can specify up to {MaxTagsToMonitor} tags."));
        }
        // Not in seed 001's text: an inferred rule, so that a client meets a reason only the server gives.
        if (tagCount == 0 && body.TryGetProperty("taggedOnly", out var taggedOnly) && taggedOnly.ValueKind == JsonValueKind.True)
        {
            violations.Add(new("tagsToMonitor", "Name at least one tag when taggedOnly is true."));
        }
        if (JsonRules.RequiredObject(body, "authenticationData", "", violations) is { } authentication)
        {
            CheckAuthentication(authentication, iamExternalId, violations);
        }
        return violations;
    }

    private static void CheckAuthentication(JsonElement authentication, string iamExternalId, List<ConstraintViolation> violations)
    {
        const string path = "authenticationData";
        switch (JsonRules.RequiredString(authentication, "type", path, violations))
        {
            case "ROLE":
                if (JsonRules.RequiredObject(authentication, "roleBasedAuthentication", path, violations) is not { } role) return;
                var rolePath = JsonRules.Child(path, "roleBasedAuthentication");
                if (JsonRules.RequiredString(role, "accountId", rolePath, violations) is { } account && !Regex.IsMatch(account, "^[0-9]{12}$"))
                {
                    violations.Add(new(JsonRules.Child(rolePath, "accountId"), "Must be a 12-digit AWS account ID."));
                }
                if (JsonRules.RequiredString(role, "iamRole", rolePath, violations) is { Length: 0 })
                {
                    violations.Add(new(JsonRules.Child(rolePath, "iamRole"), "Must not be empty."));
                }
                if (JsonRules.OptionalString(role, "externalId", rolePath, violations) is { } externalId && externalId != iamExternalId)
                {
                    violations.Add(new(JsonRules.Child(rolePath, "externalId"), "Must be the token of GET /aws/iamExternalId."));
                }
                return;
            case "KEYS":
                if (JsonRules.RequiredObject(authentication, "keyBasedAuthentication", path, violations) is not { } keys) return;
                var keysPath = JsonRules.Child(path, "keyBasedAuthentication");
                JsonRules.RequiredString(keys, "accessKey", keysPath, violations);
                JsonRules.RequiredString(keys, "secretKey", keysPath, violations);
                return;
            case { } other:
                violations.Add(new(JsonRules.Child(path, "type"), $"'{other}' is not ROLE or KEYS."));
                return;
        }
    }
}
