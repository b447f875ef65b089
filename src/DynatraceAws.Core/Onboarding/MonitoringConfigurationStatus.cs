using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>What Dynatrace reports about a monitoring configuration: OK, PENDING, WARNING, ERROR or UNKNOWN, and when.</summary>
    public sealed class MonitoringConfigurationStatus
    {
        public MonitoringConfigurationStatus(string configurationId, string status, DateTimeOffset? timestamp)
        {
            ConfigurationId = configurationId;
            Status = status;
            Timestamp = timestamp;
        }

        public string ConfigurationId { get; }
        public string Status { get; }

        /// <summary>Null when Dynatrace sends none (it is optional since 1.317).</summary>
        public DateTimeOffset? Timestamp { get; }

        public override string ToString() => Status;

        internal static MonitoringConfigurationStatus From(string configurationId, JsonNode? answer) =>
            new MonitoringConfigurationStatus(configurationId, (string?)answer?["status"] ?? "UNKNOWN", TimestampOf(answer?["timestamp"]));

        // The platform API sends an ISO 8601 text, the classic one Unix milliseconds.
        private static DateTimeOffset? TimestampOf(JsonNode? node)
        {
            switch (node?.GetValueKind())
            {
                case JsonValueKind.Number:
                    return DateTimeOffset.FromUnixTimeMilliseconds(node.GetValue<long>());
                case JsonValueKind.String when DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var at):
                    return at;
                default:
                    return null;
            }
        }
    }
}
