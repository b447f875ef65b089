using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Tests.AccountIam.Contract;

/// <summary>
/// An OpenAPI 3.0 document as an oracle nobody here wrote: whether a request is one of its operations,
/// with the path and query parameters it declares (required ones present, values of their type) and a
/// body its request schema allows, and whether an answer is a response the operation declares, with a
/// body its schema allows. Reads only what the account management document uses.
/// </summary>
internal sealed class OpenApiContract
{
    public static readonly OpenApiContract AccountManagement =
        new(JsonNode.Parse(File.ReadAllText(SharedContracts.PathTo("contracts", "dynatrace", "openapi", "account-management.json")))!.AsObject());

    private readonly JsonObject _document;

    public OpenApiContract(JsonObject document) => _document = document;

    /// <summary>The template of the operation a request path names, the most literal match winning, or null.</summary>
    public string? TemplateOf(string method, string path) => Find(method, path)?.Template;

    /// <returns>One sentence per violation; empty when the request is valid.</returns>
    public IReadOnlyList<string> CheckRequest(string method, string pathAndQuery, string? body)
    {
        var (path, query) = Split(pathAndQuery);
        if (Find(method, path) is not { } found) return new[] { $"{method} {path} is not an operation of the contract." };
        var violations = new List<string>();
        var parameters = Parameters(found.Operation).ToList();
        foreach (var (name, value) in query)
        {
            var declared = parameters.FirstOrDefault(p => (string?)p["in"] == "query" && (string?)p["name"] == name);
            if (declared is null) violations.Add($"the query parameter {name} is not declared");
            else CheckParameter(declared, value, violations);
        }
        foreach (var required in parameters.Where(p => (string?)p["in"] == "query" && (bool?)p["required"] == true))
            if (query.All(q => q.Name != (string)required["name"]!)) violations.Add($"the required query parameter {required["name"]} is missing");
        foreach (var (name, value) in found.PathParameters)
            if (parameters.FirstOrDefault(p => (string?)p["in"] == "path" && (string?)p["name"] == name) is { } declared) CheckParameter(declared, value, violations);

        var requestBody = Resolve(found.Operation["requestBody"]);
        if (requestBody is null)
        {
            if (!string.IsNullOrEmpty(body)) violations.Add("the operation takes no body, but one was sent");
        }
        else if (string.IsNullOrEmpty(body))
        {
            if ((bool?)requestBody["required"] == true) violations.Add("the required body is missing");
        }
        else if (JsonSchemaOf(requestBody) is { } schema)
        {
            CheckJson(body!, schema, request: true, violations);
        }
        return violations.Select(v => $"{method} {found.Template}: {v}").ToArray();
    }

    /// <returns>One sentence per violation; empty when the answer is one the operation declares.</returns>
    public IReadOnlyList<string> CheckResponse(string method, string pathAndQuery, int status, string? body)
    {
        var (path, _) = Split(pathAndQuery);
        if (Find(method, path) is not { } found) return new[] { $"{method} {path} is not an operation of the contract." };
        var violations = new List<string>();
        if (Resolve(found.Operation["responses"]?[status.ToString()]) is not { } response)
        {
            violations.Add($"{status} is not among its responses ({string.Join(", ", ((JsonObject)found.Operation["responses"]!).Select(r => r.Key))})");
        }
        else if (JsonSchemaOf(response) is { } schema)
        {
            if (string.IsNullOrEmpty(body)) violations.Add($"the {status} answer has no body");
            else CheckJson(body!, schema, request: false, violations);
        }
        else if (!string.IsNullOrEmpty(body))
        {
            violations.Add($"the {status} answer has a body, the contract none");
        }
        return violations.Select(v => $"{method} {found.Template} -> {status}: {v}").ToArray();
    }

    private (string Template, JsonObject Operation, IReadOnlyList<(string Name, string Value)> PathParameters)? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var matches = new List<(string Template, JsonObject Operation, IReadOnlyList<(string, string)> PathParameters, int Literals)>();
        foreach (var (template, item) in (JsonObject)_document["paths"]!)
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length != segments.Length || item?[method.ToLowerInvariant()] is not JsonObject operation) continue;
            var parameters = new List<(string, string)>();
            var literals = 0;
            var matched = true;
            for (var i = 0; i < parts.Length && matched; i++)
            {
                if (parts[i].StartsWith('{')) parameters.Add((parts[i].Trim('{', '}'), segments[i]));
                else if (parts[i] == segments[i]) literals++;
                else matched = false;
            }
            if (matched) matches.Add((template, operation, parameters, literals));
        }
        return matches.Count == 0 ? null : matches.OrderByDescending(m => m.Literals).Select(m => (m.Template, m.Operation, m.PathParameters)).First();
    }

    private IEnumerable<JsonObject> Parameters(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? new JsonArray()).Select(p => Resolve(p)!);

    private void CheckParameter(JsonObject parameter, string value, List<string> violations)
    {
        var type = (string?)Resolve(parameter["schema"])?["type"];
        var fits = type switch
        {
            "integer" => long.TryParse(value, out _),
            "number" => double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            _ => true,
        };
        if (!fits) violations.Add($"the {parameter["in"]} parameter {parameter["name"]} is '{value}', not a {type}");
    }

    private JsonObject? JsonSchemaOf(JsonObject bodyOrResponse) => Resolve(bodyOrResponse["content"]?["application/json"]?["schema"]);

    private void CheckJson(string text, JsonObject schema, bool request, List<string> violations)
    {
        JsonNode? value;
        try { value = JsonNode.Parse(text); }
        catch (JsonException e) { violations.Add($"the body is not JSON: {e.Message}"); return; }
        Check(value, schema, "$", request, violations);
    }

    private void Check(JsonNode? value, JsonObject schema, string at, bool request, List<string> violations)
    {
        schema = Resolve(schema)!;
        foreach (var part in schema["allOf"] as JsonArray ?? new JsonArray()) Check(value, Resolve(part)!, at, request, violations);
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            violations.Add($"{at} is {value?.ToJsonString() ?? "null"}, not one of {allowed.ToJsonString()}");

        var type = (string?)schema["type"] ?? (schema["properties"] != null ? "object" : null);
        switch (type)
        {
            case "object" when value is JsonObject obj:
                var properties = schema["properties"] as JsonObject ?? new JsonObject();
                foreach (var required in schema["required"] as JsonArray ?? new JsonArray())
                    if (!obj.ContainsKey((string)required!)) violations.Add($"{at} lacks the required member {required}");
                foreach (var (name, member) in obj)
                {
                    if (properties[name] is JsonObject declared)
                    {
                        if (request && (bool?)Resolve(declared)!["readOnly"] == true) violations.Add($"{at}.{name} is read-only but was sent");
                        Check(member, (JsonObject)declared, $"{at}.{name}", request, violations);
                    }
                    else if (schema["additionalProperties"] is JsonObject additional)
                    {
                        Check(member, additional, $"{at}.{name}", request, violations);
                    }
                }
                break;
            case "array" when value is JsonArray array:
                if (schema["items"] is JsonObject items)
                    for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{at}[{i}]", request, violations);
                break;
            case "string" when value is JsonValue v && v.GetValueKind() == JsonValueKind.String:
            case "number" when value is JsonValue n && n.GetValueKind() == JsonValueKind.Number:
            case "integer" when value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && i.ToJsonString().All(c => char.IsDigit(c) || c == '-'):
            case "boolean" when value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
            case null:
                break;
            default:
                violations.Add($"{at} is {value?.ToJsonString() ?? "null"}, not a {type}");
                break;
        }
    }

    private JsonObject? Resolve(JsonNode? node)
    {
        while (node is JsonObject obj && (string?)obj["$ref"] is { } reference)
        {
            node = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode?)_document, (current, part) => current?[part.Replace("~1", "/").Replace("~0", "~")]);
        }
        return node as JsonObject;
    }

    private static (string Path, IReadOnlyList<(string Name, string Value)> Query) Split(string pathAndQuery)
    {
        var at = pathAndQuery.IndexOf('?');
        if (at < 0) return (pathAndQuery, Array.Empty<(string, string)>());
        var query = pathAndQuery[(at + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""))
            .ToArray();
        return (pathAndQuery[..at], query);
    }
}
