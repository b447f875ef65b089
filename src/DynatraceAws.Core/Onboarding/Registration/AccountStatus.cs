namespace DynatraceAws.Core.Onboarding.Registration
{
    public enum AccountStatus
    {
        /// <summary>Something was created or changed, and the account is now complete.</summary>
        Onboarded,

        /// <summary>Everything was already in place; nothing was written.</summary>
        AlreadyOnboarded,

        /// <summary>A step failed; the account stops there and a rerun resumes it.</summary>
        Failed,

        /// <summary>-WhatIf: what a run would do, nothing written.</summary>
        Planned,
    }

    /// <summary>The steps of onboarding one account, in order.</summary>
    public enum OnboardingStep
    {
        Validate,
        Connection,
        Role,
        RoleArn,
        Configuration,
    }
}
