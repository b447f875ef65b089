using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The da-aws monitoring configuration body of seed 000, built from a spec and read back.</summary>
    public static class MonitoringConfigurationDocument
    {
        public const string Scope = "integration-aws";

        /// <summary>The topology of global AWS resources is polled in us-east-1, so it is always monitored.</summary>
        public const string GlobalRegion = "us-east-1";

        /// <summary>The warning, once per run, that <see cref="GlobalRegion"/> was added to the regions asked for these accounts.</summary>
        public static string AddedGlobalRegion(IReadOnlyCollection<string> accounts) =>
            $"Added {GlobalRegion} to the regions of {AccountList.Named(accounts)}: Dynatrace polls global AWS resources there.";

        /// <summary>The activation context of a configuration made by the UI's data acquisition flow.</summary>
        public const string ActivationContext = "DATA_ACQUISITION";

        /// <summary>The regions to send: valid for da-aws, lower case, without duplicates, us-east-1 first when it was missing.</summary>
        public static IReadOnlyList<string> NormalizeRegions(IEnumerable<string>? regions, DaAwsChoices choices, out bool addedGlobalRegion)
        {
            var list = new List<string>();
            foreach (var region in InputRules.SplitList(regions))
            {
                var valid = choices.Region(region);
                if (!list.Contains(valid)) list.Add(valid);
            }
            addedGlobalRegion = !list.Contains(GlobalRegion);
            if (addedGlobalRegion) list.Insert(0, GlobalRegion);
            return list;
        }

        public static IReadOnlyList<string> NormalizeFeatureSets(IEnumerable<string>? featureSets, DaAwsChoices choices) =>
            InputRules.SplitList(featureSets).Select(choices.FeatureSet).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>The {scope, value} body for a POST. The spec must already be normalised.</summary>
        public static JsonObject Build(MonitoringConfigurationSpec spec, string version)
        {
            var description = spec.Description ?? DefaultDescription(spec.AccountId);
            var regions = spec.Regions ?? new[] { GlobalRegion };
            return new JsonObject
            {
                ["scope"] = Scope,
                ["value"] = new JsonObject
                {
                    ["enabled"] = spec.Enabled,
                    ["description"] = description,
                    ["version"] = version,
                    // As the UI flow sends it (so does dtctl); no source says what its absence changes.
                    ["activationContext"] = ActivationContext,
                    ["featureSets"] = Array(spec.FeatureSets ?? FeatureSets.Defaults),
                    ["aws"] = new JsonObject
                    {
                        ["smartscapeConfiguration"] = new JsonObject { ["enabled"] = true },
                        ["deploymentRegion"] = spec.DeploymentRegion ?? regions[0],
                        ["credentials"] = new JsonArray(new JsonObject
                        {
                            ["enabled"] = true,
                            ["description"] = spec.ConnectionName ?? description,
                            ["connectionId"] = spec.ConnectionId,
                            ["accountId"] = spec.AccountId,
                        }),
                        ["regionFiltering"] = Array(regions),
                        ["metricsConfiguration"] = new JsonObject { ["enabled"] = true, ["regions"] = Array(regions) },
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

        public static string DefaultDescription(string accountId) => "aws-" + accountId;

        /// <summary>The AWS accounts a configuration's credentials name.</summary>
        public static IEnumerable<string> AccountIds(JsonObject configuration) =>
            (configuration["value"]?["aws"]?["credentials"] as JsonArray ?? new JsonArray())
            .Select(c => (string?)c?["accountId"]).Where(a => !string.IsNullOrEmpty(a)).Select(a => a!);

        public static MonitoringConfiguration Read(JsonObject configuration, string environmentId)
        {
            var value = configuration["value"] as JsonObject ?? new JsonObject();
            var aws = value["aws"] as JsonObject ?? new JsonObject();
            var credential = (aws["credentials"] as JsonArray)?.FirstOrDefault() as JsonObject;
            return new MonitoringConfiguration(
                (string?)configuration["objectId"] ?? "",
                (string?)credential?["accountId"] ?? "",
                (string?)credential?["connectionId"] ?? "",
                (string?)value["description"] ?? "",
                (string?)value["version"] ?? "",
                (bool?)value["enabled"] ?? false,
                Strings(aws["regionFiltering"]),
                Strings(value["featureSets"]),
                (string?)aws["deploymentRegion"] ?? "",
                environmentId);
        }

        private static JsonArray Array(IEnumerable<string> values) => new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

        private static string[] Strings(JsonNode? node) =>
            (node as JsonArray ?? new JsonArray()).Select(n => (string?)n ?? "").Where(s => s.Length > 0).ToArray();
    }
}
