using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>Request bodies and answers of the account management API, in its field names.</summary>
internal static class AccountIamJson
{
    public static Outcome<PolicyBody> Policy(JsonElement body)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(body, "", violations)) return Invalid(violations);
        var name = JsonRules.RequiredString(body, "name", "", violations);
        var description = JsonRules.RequiredString(body, "description", "", violations);
        var statement = JsonRules.RequiredString(body, "statementQuery", "", violations);
        if (name is { Length: 0 }) violations.Add(new("name", "must not be empty"));
        return violations.Count > 0 ? Invalid(violations) : new PolicyBody(name!, description!, statement!);
    }

    public static Outcome<IReadOnlyList<string>> Strings(JsonElement body, string name, bool required)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(body, "", violations)) return Invalid(violations);
        if (!required && !body.TryGetProperty(name, out _)) return new Outcome<IReadOnlyList<string>>([], null);
        var values = JsonRules.RequiredStrings(body, name, "", violations);
        return violations.Count > 0 ? Invalid(violations) : new Outcome<IReadOnlyList<string>>(values, null);
    }

    public static JsonObject Render(IamPolicyRecord p) => new()
    {
        ["uuid"] = p.Uuid,
        ["name"] = p.Name,
        ["tags"] = new JsonArray(),
        ["description"] = p.Description,
        ["statementQuery"] = p.StatementQuery,
        ["statements"] = new JsonArray(),
    };

    public static JsonObject Overview(IamPolicyRecord p, bool withLevel)
    {
        var o = new JsonObject { ["uuid"] = p.Uuid, ["name"] = p.Name, ["description"] = p.Description };
        if (withLevel)
        {
            o["levelId"] = p.LevelId;
            o["levelType"] = p.LevelType;
        }
        return o;
    }

    public static JsonObject Bindings(string levelType, string levelId, IEnumerable<IamBindingRecord> bindings) => new()
    {
        ["levelType"] = levelType,
        ["levelId"] = levelId,
        ["policyBindings"] = new JsonArray(bindings.GroupBy(b => b.PolicyUuid).Select(g => (JsonNode)new JsonObject
        {
            ["policyUuid"] = g.Key,
            ["groups"] = new JsonArray(g.Select(b => (JsonNode)b.GroupUuid).ToArray()),
            ["parameters"] = new JsonObject(),
            ["metadata"] = new JsonObject(),
            ["boundaries"] = new JsonArray(g.SelectMany(b => b.Boundaries).Distinct().Select(x => (JsonNode)x).ToArray()),
        }).ToArray()),
    };

    public static JsonObject Group(IamGroupRecord g) => new()
    {
        ["uuid"] = g.Uuid,
        ["name"] = g.Name,
        ["description"] = g.Description,
        ["federatedAttributeValues"] = new JsonArray(g.FederatedAttributeValues.Select(v => (JsonNode)v).ToArray()),
        ["owner"] = g.Owner,
        ["createdAt"] = Timestamp(g.CreatedAt),
        ["updatedAt"] = Timestamp(g.CreatedAt),
    };

    /// <summary>The contract's date format, 2021-05-01T15:11:00Z.</summary>
    private static string Timestamp(System.DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject ServiceUser(ServiceUserRecord u, bool withGroup)
    {
        var o = new JsonObject
        {
            ["uid"] = u.Uid,
            ["email"] = u.Email,
            ["name"] = u.Name,
            ["surname"] = "",
            ["description"] = u.Description,
            ["createdAt"] = Timestamp(u.CreatedAt),
        };
        if (withGroup) o["groupUuid"] = u.GroupUuid;
        return o;
    }

    public static JsonObject PlatformToken(PlatformTokenRecord t) => new()
    {
        ["tokenId"] = t.TokenId,
        ["name"] = t.Name,
        ["scope"] = new JsonArray(t.Scope.Select(s => (JsonNode)s).ToArray()),
        ["resource"] = new JsonArray(t.Resource.Select(s => (JsonNode)s).ToArray()),
        ["tags"] = new JsonArray(),
        ["expirationDate"] = t.ExpirationDate.ToString("O"),
        ["userUuid"] = t.UserUuid,
        ["metadata"] = new JsonObject(),
    };

    private static ApiError Invalid(IReadOnlyList<ConstraintViolation> violations) =>
        new(400, "Request body is invalid.", violations);
}
