using System.Collections.Generic;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Classic
{
    /// <summary>AWS credentials of the classic config v1 API, as Dynatrace reports them. Never carries a secret key.</summary>
    public sealed class AwsCredential : PlanResult
    {
        public string Id { get; internal set; } = "";
        public string Label { get; internal set; } = "";
        public string PartitionType { get; internal set; } = AwsPartitionTypes.Default;

        /// <summary>ROLE or KEYS.</summary>
        public string AuthenticationType { get; internal set; } = AwsCredentialSpec.RoleBased;

        public string AccountId { get; internal set; } = "";
        public string RoleName { get; internal set; } = "";

        /// <summary>The external id the role requires: the environment's iamExternalId token.</summary>
        public string ExternalId { get; internal set; } = "";

        /// <summary>The access key ID of key-based credentials (not a secret; the secret key is never read back).</summary>
        public string AccessKey { get; internal set; } = "";

        public bool TaggedOnly { get; internal set; }
        public ReportDictionary TagsToMonitor { get; internal set; } = new ReportDictionary(new Dictionary<string, string>());

        /// <summary>Whether Dynatrace monitors with these credentials (they can be disabled in the UI); null when the API did not say.</summary>
        public bool? CredentialsEnabled { get; internal set; }

        /// <summary>Whether the credentials run on Dynatrace's own infrastructure rather than an ActiveGate; null when the API did not say.</summary>
        public bool? RunningOnDynatraceInfrastructure { get; internal set; }

        /// <summary>CONNECTED, DISCONNECTED or UNINITIALIZED.</summary>
        public string ConnectionStatus { get; internal set; } = "";

        public string EnvironmentId { get; internal set; } = "";

        public override string ToString() => $"{Label} ({Id})";
    }
}
