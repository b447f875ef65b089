using System;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Tests.Support;

/// <summary>How a test answers the engines' approval, as ShouldProcess would.</summary>
public static class Approve
{
    /// <summary>No -WhatIf, no -Confirm: every plan is applied.</summary>
    public static Task<Approval> All<T>(Plan<T> plan) => Task.FromResult(Approval.Apply);

    /// <summary>-WhatIf: every plan is shown, none applied.</summary>
    public static Task<Approval> WhatIf<T>(Plan<T> plan) => Task.FromResult(Approval.WhatIf);

    /// <summary>-Confirm answered by <paramref name="yes"/>.</summary>
    public static Func<Plan<T>, Task<Approval>> When<T>(Func<Plan<T>, bool> yes) =>
        plan => Task.FromResult(yes(plan) ? Approval.Apply : Approval.Declined);

    /// <summary>-Confirm of Register-DtAwsAccount answered by <paramref name="yes"/>.</summary>
    public static Func<Plan<AccountResult>, Task<Approval>> When(Func<Plan<AccountResult>, bool> yes) => When<AccountResult>(yes);
}
