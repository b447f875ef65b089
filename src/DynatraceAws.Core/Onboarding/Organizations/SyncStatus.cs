using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>How a sync ended for one account; text, so results export as they read.</summary>
    public static class SyncStatus
    {
        /// <summary>The account was onboarded as asked already; nothing was written.</summary>
        public const string InSync = "InSync";

        /// <summary>Something was created or changed (a new member, or drifted regions or feature sets), and the account is now complete.</summary>
        public const string Onboarded = "Onboarded";

        /// <summary>The account is onboarded in Dynatrace but no longer in the organization; left as it is (no -RemoveDeparted).</summary>
        public const string Departed = "Departed";

        /// <summary>A departed account, offboarded.</summary>
        public const string Offboarded = "Offboarded";

        /// <summary>-WhatIf: the plan was shown; nothing was written.</summary>
        public const string Planned = "Planned";

        /// <summary>Declined at the -Confirm prompt; nothing was written.</summary>
        public const string Skipped = "Skipped";

        /// <summary>Onboarding or offboarding stopped at Step; a rerun resumes it.</summary>
        public const string Failed = "Failed";

        /// <summary>Every status, in the order summaries count them.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { InSync, Onboarded, Departed, Offboarded, Planned, Skipped, Failed };
    }
}
