using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How onboarding one account ended; text, so results export as they read.</summary>
    public static class AccountStatus
    {
        /// <summary>Something was created or changed, and the account is now complete.</summary>
        public const string Onboarded = "Onboarded";

        /// <summary>Everything was already as asked; nothing was written.</summary>
        public const string Unchanged = "Unchanged";

        /// <summary>-WhatIf: the plan was shown; nothing was written.</summary>
        public const string Planned = "Planned";

        /// <summary>Declined at the -Confirm prompt; nothing was written.</summary>
        public const string Skipped = "Skipped";

        /// <summary>A check or a write failed; the account stops there and a rerun resumes it.</summary>
        public const string Failed = "Failed";

        /// <summary>Every status, in the order summaries count them.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Onboarded, Unchanged, Planned, Skipped, Failed };
    }

    /// <summary>The steps of onboarding one account, in order: checks first, then the writes.</summary>
    public static class OnboardingStep
    {
        /// <summary>The row's values, against the rules and the regions and feature sets da-aws accepts.</summary>
        public const string Validate = "Validate";

        /// <summary>AWS: the credentials reach the account (AssumeRole, or the caller's own account).</summary>
        public const string Reachability = "Reachability";

        /// <summary>Both clouds read: the connection, the configuration, the role and its policies.</summary>
        public const string Read = "Read";

        public const string Connection = "Connection";
        public const string Role = "Role";
        public const string RoleArn = "RoleArn";
        public const string Configuration = "Configuration";
    }
}
