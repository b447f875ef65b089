namespace DynatraceAws.Core.Onboarding.Organizations
{
    public enum SyncStatus
    {
        /// <summary>The account was onboarded already; nothing was written.</summary>
        InSync,

        /// <summary>The account had no monitoring configuration and is now onboarded.</summary>
        Onboarded,

        /// <summary>The account is onboarded in Dynatrace but no longer in the organization; left as it is (no -RemoveDeparted, or declined).</summary>
        Departed,

        /// <summary>A departed account, offboarded.</summary>
        Offboarded,

        /// <summary>-WhatIf: what a run would do.</summary>
        Planned,

        /// <summary>Declined at the -Confirm prompt; nothing was written.</summary>
        Skipped,

        /// <summary>Onboarding or offboarding stopped at Step; a rerun resumes it.</summary>
        Failed,
    }
}
