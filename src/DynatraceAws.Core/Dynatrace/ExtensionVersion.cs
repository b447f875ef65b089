using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>The version of an extension that the environment uses, and the newest it has.</summary>
    public sealed class ExtensionVersion : PlanResult
    {
        public ExtensionVersion(string extensionName, string activeVersion, string? latestVersion, string environmentId)
        {
            ExtensionName = extensionName;
            ActiveVersion = activeVersion;
            LatestVersion = latestVersion ?? activeVersion;
            EnvironmentId = environmentId;
        }

        public string ExtensionName { get; }
        public string ActiveVersion { get; }
        public string LatestVersion { get; }
        public string EnvironmentId { get; }
    }
}
