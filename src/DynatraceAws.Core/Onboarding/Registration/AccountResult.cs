using System.Globalization;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How onboarding one account ended: one per input row, whatever happened to it.</summary>
    public sealed class AccountResult : AccountRunResult
    {
        /// <summary>Register-DtAwsAccount's report: its statuses and the columns of its table.</summary>
        public static ReportShape<AccountResult> Report { get; } = new ReportShape<AccountResult>("Register-DtAwsAccount",
            AccountStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Connection", r => r.ConnectionName), ("Status", r => r.Status), ("Step", r => r.Step),
            ("Seconds", r => r.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)), ("Error", r => r.Error));

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
