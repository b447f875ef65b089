using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// A monitoring configuration as read, and the value to write back with a change applied. The value
    /// is the whole one that was read, so every field the change does not name goes back as it came,
    /// known to this module or not: Dynatrace refuses a PUT that drops a field it manages, such as tenantInstanceId.
    /// </summary>
    internal sealed class MonitoringConfigurationEdit
    {
        private MonitoringConfigurationEdit(MonitoringConfiguration current, MonitoringConfiguration updated,
            PlannedChange? change, JsonObject value)
        {
            Current = current;
            Updated = updated;
            Change = change;
            Value = value;
        }

        public MonitoringConfiguration Current { get; }
        public MonitoringConfiguration Updated { get; }

        /// <summary>The one write, with each changed field before and after; null when the configuration already is as asked.</summary>
        public PlannedChange? Change { get; }

        public JsonObject Value { get; }

        /// <param name="change">Already normalised: regions with us-east-1, valid feature sets and description.</param>
        public static MonitoringConfigurationEdit Of(JsonObject configuration, MonitoringConfigurationChange change, string environmentId)
        {
            var current = MonitoringConfigurationDocument.Read(configuration, environmentId);
            var value = configuration["value"]?.DeepClone() as JsonObject ?? new JsonObject();
            var fields = new List<(string Field, string Before, string After)>();
            void Changed(string field, string before, string after) => fields.Add((field, before, after));

            if (change.Enabled is { } enabled && enabled != current.Enabled)
            {
                value["enabled"] = enabled;
                Changed("state", current.Enabled ? "enabled" : "disabled", enabled ? "enabled" : "disabled");
            }
            if (change.Description is { } description && description != current.Description)
            {
                value["description"] = description;
                Changed("description", current.Description, description);
            }
            if (change.FeatureSets is { } featureSets && !SameSet(featureSets, current.FeatureSet))
            {
                value["featureSets"] = Strings(featureSets);
                Changed("feature sets", string.Join(", ", current.FeatureSet), string.Join(", ", featureSets));
            }
            if (change.Regions is { } regions && SetRegions(value, regions))
                Changed("regions", string.Join(", ", current.Region), string.Join(", ", regions));

            var updated = MonitoringConfigurationDocument.Read(
                new JsonObject { ["objectId"] = current.ConfigurationId, ["value"] = value.DeepClone() }, environmentId);
            var planned = fields.Count == 0 ? null : new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Update,
                $"monitoring configuration '{current.Description}'",
                string.Join("; ", fields.Select(f => $"{f.Field} {f.Before}")), string.Join("; ", fields.Select(f => $"{f.Field} {f.After}")));
            return new MonitoringConfigurationEdit(current, updated, planned, value);
        }

        /// <summary>The change to the configuration as listed, before its whole value is read to write it.</summary>
        public static PlannedChange? Preview(MonitoringConfiguration current, MonitoringConfigurationChange change) =>
            Of(new JsonObject
            {
                ["objectId"] = current.ConfigurationId,
                ["value"] = new JsonObject
                {
                    ["enabled"] = current.Enabled,
                    ["description"] = current.Description,
                    ["featureSets"] = Strings(current.FeatureSet),
                    ["aws"] = new JsonObject
                    {
                        ["regionFiltering"] = Strings(current.Region),
                        ["metricsConfiguration"] = new JsonObject { ["enabled"] = true, ["regions"] = Strings(current.Region) },
                    },
                },
            }, change, current.EnvironmentId).Change;

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
