using System.Text.Json.Nodes;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The value of an AWS connection settings object, as seed 000 writes it.</summary>
    internal static class AwsConnectionDocument
    {
        public const string SchemaId = "builtin:hyperscaler-authentication.connections.aws";
        public const string Scope = "environment";
        public const string RoleBased = "awsRoleBasedAuthentication";
        public const string DataAcquisitionConsumer = "SVC:com.dynatrace.da";

        public static JsonObject New(string name) => new JsonObject
        {
            ["name"] = name,
            ["type"] = RoleBased,
            [RoleBased] = new JsonObject
            {
                ["roleArn"] = "",
                ["consumers"] = new JsonArray(DataAcquisitionConsumer),
            },
        };

        public static string Name(JsonObject value) => (string?)value["name"] ?? "";

        public static string RoleArn(JsonObject value) => (string?)value[RoleBased]?["roleArn"] ?? "";

        /// <summary>A copy of the whole value with the role ARN replaced, so a PUT keeps every other field.</summary>
        public static JsonObject WithRoleArn(JsonObject value, string roleArn)
        {
            var copy = (JsonObject)JsonNode.Parse(value.ToJsonString())!;
            if (copy[RoleBased] is not JsonObject auth)
                copy[RoleBased] = auth = new JsonObject { ["consumers"] = new JsonArray(DataAcquisitionConsumer) };
            auth["roleArn"] = roleArn;
            return copy;
        }

        public static AwsConnection ToConnection(SettingsObject item, string? accountId, DynatraceEnvironment environment)
        {
            var roleArn = RoleArn(item.Value);
            var consumers = item.Value[RoleBased]?["consumers"] as JsonArray;
            return new AwsConnection(item.ObjectId, Name(item.Value), InputRules.AccountOfRoleArn(roleArn) ?? accountId, roleArn,
                (string?)item.Value["type"] ?? RoleBased, consumers is { Count: > 0 } ? (string?)consumers[0] : null,
                environment.EnvironmentId, environment.EnvironmentUrl);
        }
    }
}
