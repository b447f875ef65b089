namespace DynatraceAws.Core.Classic
{
    /// <summary>The environment-wide external id that every classic monitoring role must require.</summary>
    public sealed class AwsIamExternalId
    {
        public AwsIamExternalId(string externalId, string environmentId)
        {
            ExternalId = externalId;
            EnvironmentId = environmentId;
        }

        public string ExternalId { get; }
        public string EnvironmentId { get; }

        public override string ToString() => ExternalId;
    }
}
