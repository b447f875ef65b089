using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// A monitoring configuration as read, and the value to write back with a change applied. The value
    /// is the whole one that was read, so every field the change does not name goes back as it came,
    /// known to this module or not: Dynatrace refuses a PUT that drops a field it manages, such as tenantInstanceId.
    /// </summary>
    public sealed class MonitoringConfigurationUpdate
    {
        private MonitoringConfigurationUpdate(MonitoringConfiguration current, MonitoringConfiguration updated,
            MonitoringConfigurationChange change, IReadOnlyList<string> changes, JsonObject value)
        {
            Current = current;
            Updated = updated;
            Change = change;
            Changes = changes;
            Value = value;
        }

        public MonitoringConfiguration Current { get; }
        public MonitoringConfiguration Updated { get; }

        /// <summary>The normalised change it was planned from.</summary>
        public MonitoringConfigurationChange Change { get; }

        /// <summary>What the write changes, in words for -WhatIf and the prompt; empty when the configuration already is as asked.</summary>
        public IReadOnlyList<string> Changes { get; }

        public bool Changed => Changes.Count > 0;

        internal JsonObject Value { get; }

        /// <param name="change">Already normalised: regions with us-east-1, valid feature sets and description.</param>
        internal static MonitoringConfigurationUpdate Plan(JsonObject configuration, MonitoringConfigurationChange change, string environmentId)
        {
            var current = MonitoringConfigurationDocument.Read(configuration, environmentId);
            var value = configuration["value"]?.DeepClone() as JsonObject ?? new JsonObject();
            var changes = new List<string>();

            if (change.Enabled is { } enabled && enabled != current.Enabled)
            {
                value["enabled"] = enabled;
                changes.Add(enabled ? "Enable" : "Disable");
            }
            if (change.Description is { } description && description != current.Description)
            {
                value["description"] = description;
                changes.Add($"Set description to '{description}'");
            }
            if (change.FeatureSets is { } featureSets && !SameSet(featureSets, current.FeatureSet))
            {
                value["featureSets"] = Strings(featureSets);
                changes.Add($"Set feature sets to {string.Join(", ", featureSets)}");
            }
            if (change.Regions is { } regions && SetRegions(value, regions))
                changes.Add($"Set regions to {string.Join(", ", regions)}");

            var updated = MonitoringConfigurationDocument.Read(
                new JsonObject { ["objectId"] = current.ConfigurationId, ["value"] = value.DeepClone() }, environmentId);
            return new MonitoringConfigurationUpdate(current, updated, change, changes, value);
        }

        /// <summary>regionFiltering and metricsConfiguration.regions always name the same regions.</summary>
        /// <returns>Whether either had other regions.</returns>
        private static bool SetRegions(JsonObject value, IReadOnlyList<string> regions)
        {
            if (value["aws"] is not JsonObject aws) value["aws"] = aws = new JsonObject();
            if (aws["metricsConfiguration"] is not JsonObject metrics) aws["metricsConfiguration"] = metrics = new JsonObject { ["enabled"] = true };
            if (SameSet(regions, Texts(aws["regionFiltering"])) && SameSet(regions, Texts(metrics["regions"]))) return false;
            aws["regionFiltering"] = Strings(regions);
            metrics["regions"] = Strings(regions);
            return true;
        }

        // Order carries no meaning in these lists, so a reordering alone is no change worth a write.
        private static bool SameSet(IEnumerable<string> wanted, IEnumerable<string> present) =>
            new HashSet<string>(wanted).SetEquals(present);

        private static IEnumerable<string> Texts(JsonNode? node) =>
            (node as JsonArray ?? new JsonArray()).Select(n => (string?)n ?? "");

        private static JsonArray Strings(IEnumerable<string> values) =>
            new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }
}
