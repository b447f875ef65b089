using System.Linq;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>Policy documents for the tests, minified as the module sends them.</summary>
internal static class Documents
{
    public static string Permissions(params string[] actions) => Statement(new JsonObject
    {
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray(actions.Select(a => (JsonNode)a!).ToArray()),
        ["Resource"] = "*",
    });

    /// <summary>Lets <paramref name="principal"/> assume the role; with an external id, only when it passes that id.</summary>
    public static string Trust(string principal, string? externalId = null)
    {
        var statement = new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = principal },
            ["Action"] = "sts:AssumeRole",
        };
        if (externalId is not null)
            statement["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["sts:ExternalId"] = externalId } };
        return Statement(statement);
    }

    /// <summary>A valid permissions policy of exactly <paramref name="length"/> characters, none of them whitespace.</summary>
    public static string PermissionsOfLength(int length) => Padded(Permissions("s3:GetObject"), length);

    /// <summary>A valid trust policy of exactly <paramref name="length"/> characters, none of them whitespace.</summary>
    public static string TrustOfLength(string principal, int length) => Padded(Trust(principal), length);

    public static string Statement(JsonObject statement) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statement) }.ToJsonString();

    /// <summary>Grows the statement's Sid until the document has the length asked for.</summary>
    private static string Padded(string document, int length)
    {
        var node = JsonNode.Parse(document)!;
        node["Statement"]![0]!["Sid"] = "";
        var sid = new string('S', length - node.ToJsonString().Length);
        node["Statement"]![0]!["Sid"] = sid;
        return node.ToJsonString();
    }
}
