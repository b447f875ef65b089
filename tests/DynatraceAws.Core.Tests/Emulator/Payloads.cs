using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>Request bodies as seed 000 documents them, and unique names and accounts for tests that share an emulator.</summary>
public static class Payloads
{
    public const string SchemaId = "builtin:hyperscaler-authentication.connections.aws";

    private static long _counter;

    public static string UniqueName() => $"conn-{Interlocked.Increment(ref _counter)}";

    public static string UniqueAccountId() => (100_000_000_000 + Interlocked.Increment(ref _counter)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string RoleArn(string accountId) => $"arn:aws:iam::{accountId}:role/DynatraceMonitoringRole";

    public static JsonObject ConnectionValue(string name, string roleArn = "") => new()
    {
        ["name"] = name,
        ["type"] = "awsRoleBasedAuthentication",
        ["awsRoleBasedAuthentication"] = new JsonObject
        {
            ["roleArn"] = roleArn,
            ["consumers"] = new JsonArray("SVC:com.dynatrace.da"),
        },
    };

    public static JsonArray CreateConnection(string name, string roleArn = "") =>
        new(ConnectionItem(ConnectionValue(name, roleArn)));

    public static JsonObject ConnectionItem(JsonObject value) => new()
    {
        ["schemaId"] = SchemaId,
        ["scope"] = "environment",
        ["value"] = value,
    };

    public static JsonObject Configuration(string connectionId, string accountId, params string[] regions)
    {
        regions = regions.Length == 0 ? ["us-east-1", "eu-central-1"] : regions;
        return new JsonObject
        {
            ["scope"] = "integration-aws",
            ["value"] = new JsonObject
            {
                ["enabled"] = true,
                ["description"] = $"aws-{accountId}",
                ["version"] = "1.0.0",
                ["featureSets"] = Strings(DaAwsCatalogue.DefaultFeatureSets.ToArray()),
                ["aws"] = new JsonObject
                {
                    ["smartscapeConfiguration"] = new JsonObject { ["enabled"] = true },
                    ["deploymentRegion"] = "us-east-1",
                    ["credentials"] = new JsonArray(new JsonObject
                    {
                        ["enabled"] = true,
                        ["description"] = "my connection name",
                        ["connectionId"] = connectionId,
                        ["accountId"] = accountId,
                    }),
                    ["regionFiltering"] = Strings(regions),
                    ["metricsConfiguration"] = new JsonObject { ["enabled"] = true, ["regions"] = Strings(regions) },
                    ["cloudWatchLogsConfiguration"] = new JsonObject { ["enabled"] = false, ["regions"] = new JsonArray() },
                    ["configurationMode"] = "QUICK_START",
                    ["deploymentScope"] = "SINGLE_ACCOUNT",
                    ["deploymentMode"] = "MANUAL",
                    ["manualDeploymentStatus"] = "COMPLETE",
                    ["automatedDeploymentStatus"] = "NA",
                },
            },
        };
    }

    /// <summary>Sets (or, with null json, removes) the property at a '/'-separated path; list items by index.</summary>
    public static void Set(JsonNode root, string path, string? json)
    {
        var names = path.Split('/');
        var parent = names[..^1].Aggregate(root, (node, name) => int.TryParse(name, out var i) ? node[i]! : node[name]!);
        var last = names[^1];
        if (parent is JsonArray array) array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = json is null ? null : JsonNode.Parse(json);
        else if (json is null) parent.AsObject().Remove(last);
        else parent[last] = JsonNode.Parse(json);
    }

    private static JsonArray Strings(string[] values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
