namespace DynatraceAws.Core.Onboarding
{
    /// <summary>Which AWS connections to read; an empty filter means all of them.</summary>
    public sealed class AwsConnectionFilter
    {
        public string? ConnectionId { get; set; }

        /// <summary>The account of the connection's role ARN: a connection without one has no account and never matches.</summary>
        public string? AccountId { get; set; }
    }
}
