using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How onboarding one account ended: one per input row, whatever happened to it.</summary>
    public sealed class AccountResult : AccountRunResult
    {
        public string AccountId { get; internal set; } = "";
        public string ConnectionName { get; internal set; } = "";

        /// <summary>Onboarded, Unchanged, Planned, Skipped or Failed (<see cref="AccountStatus"/>).</summary>
        public string Status { get; internal set; } = AccountStatus.Failed;

        /// <summary>Whether this run wrote anything for the account.</summary>
        public bool Changed => Status == AccountStatus.Onboarded || (Status == AccountStatus.Failed && Changes.Count > 0);

        /// <summary>The step that failed (<see cref="OnboardingStep"/>), when Status is Failed.</summary>
        public string? Step { get; internal set; }

        public string? ConnectionId { get; internal set; }
        public string? RoleArn { get; internal set; }
        public string? ConfigurationId { get; internal set; }

        /// <summary>
        /// What was written (Onboarded; for Failed, what was written before the failure), or what
        /// would be (Planned, Skipped).
        /// </summary>
        public ChangeList Changes { get; internal set; } = ChangeList.Empty;

        /// <summary>Where the account came from: "input 3", an OU path.</summary>
        public string? Source { get; internal set; }

        public override string ToString() => $"{AccountId} {Status}";
    }
}
