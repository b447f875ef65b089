namespace DynatraceAws.Core.Plans
{
    /// <summary>What whoever runs a plan (a cmdlet, through ShouldProcess) decided about it.</summary>
    public enum Approval
    {
        /// <summary>Apply the plan.</summary>
        Apply,

        /// <summary>-WhatIf: the plan was shown; apply nothing.</summary>
        WhatIf,

        /// <summary>Declined at the -Confirm prompt; apply nothing.</summary>
        Declined,
    }
}
