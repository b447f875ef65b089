using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>One account to onboard: a CSV row or a pipeline object, as given.</summary>
    public sealed class AccountRequest
    {
        public string? AccountId { get; set; }

        /// <summary>The connection name; aws-{AccountId} when left out.</summary>
        public string? Name { get; set; }

        public IReadOnlyList<string>? Region { get; set; }
        public IReadOnlyList<string>? FeatureSet { get; set; }
        public string? Description { get; set; }

        /// <summary>Per-account AWS settings that override the run's.</summary>
        public string? ProfileName { get; set; }
        public string? AssumeRoleName { get; set; }
        public string? RoleName { get; set; }

        /// <summary>Where the request came from, for error messages (e.g. "row 7").</summary>
        public string? Source { get; set; }
    }
}
