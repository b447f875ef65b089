using System.Linq;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Reports;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Classic
{
    /// <summary>The AwsCredentialsConfig body of seed 001, both ways. A POST body never carries an id.</summary>
    internal static class AwsCredentialJson
    {
        public static JsonObject Body(AwsCredentialSpec spec)
        {
            var authentication = new JsonObject { ["type"] = spec.IsKeyBased ? AwsCredentialSpec.KeyBased : AwsCredentialSpec.RoleBased };
            if (spec.IsKeyBased)
            {
                var secretKey = SecureStrings.Reveal(spec.SecretKey!);
                Redactor.Register(secretKey);
                authentication["keyBasedAuthentication"] = new JsonObject { ["accessKey"] = spec.AccessKey, ["secretKey"] = secretKey };
            }
            else
                authentication["roleBasedAuthentication"] = new JsonObject { ["iamRole"] = spec.RoleName, ["accountId"] = spec.AccountId };

            var body = new JsonObject
            {
                ["label"] = spec.Label,
                ["partitionType"] = spec.PartitionType,
                ["authenticationData"] = authentication,
                ["taggedOnly"] = spec.TaggedOnly,
                ["tagsToMonitor"] = new JsonArray(spec.TagsToMonitor
                    .Select(t => (JsonNode?)new JsonObject { ["name"] = t.Key, ["value"] = t.Value }).ToArray()),
            };
            if (spec.CredentialsEnabled is { } enabled) body["credentialsEnabled"] = enabled;
            if (spec.RunningOnDynatraceInfrastructure is { } running) body["runningOnDynatraceInfrastructure"] = running;
            return body;
        }

        public static AwsCredential Read(JsonNode node, string environmentId)
        {
            var authentication = node["authenticationData"];
            var role = authentication?["roleBasedAuthentication"];
            return new AwsCredential
            {
                Id = (string?)node["id"] ?? "",
                Label = (string?)node["label"] ?? "",
                PartitionType = (string?)node["partitionType"] ?? "",
                AuthenticationType = (string?)authentication?["type"] ?? "",
                AccountId = (string?)role?["accountId"] ?? "",
                RoleName = (string?)role?["iamRole"] ?? "",
                ExternalId = (string?)role?["externalId"] ?? "",
                AccessKey = (string?)authentication?["keyBasedAuthentication"]?["accessKey"] ?? "",
                TaggedOnly = (bool?)node["taggedOnly"] ?? false,
                TagsToMonitor = new ReportDictionary((node["tagsToMonitor"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
                    .GroupBy(t => (string?)t["name"] ?? "")
                    .ToDictionary(g => g.Key, g => (string?)g.First()["value"] ?? "")),
                CredentialsEnabled = (bool?)node["credentialsEnabled"],
                RunningOnDynatraceInfrastructure = (bool?)node["runningOnDynatraceInfrastructure"],
                ConnectionStatus = (string?)node["connectionStatus"] ?? "",
                EnvironmentId = environmentId,
            };
        }
    }
}
