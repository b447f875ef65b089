namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>What one drift check found; text, so results export as they read.</summary>
    public static class CheckResult
    {
        public const string Pass = "Pass";
        public const string Fail = "Fail";

        /// <summary>Not checked: an earlier check it depends on failed.</summary>
        public const string Skipped = "Skipped";
    }

    /// <summary>One drift check of an onboarded account, with the fix when it fails.</summary>
    public sealed class AccountCheck
    {
        public AccountCheck(string accountId, string check, string result, string detail, string? fix = null)
        {
            AccountId = accountId;
            Check = check;
            Result = result;
            Detail = detail;
            Fix = fix;
        }

        public string AccountId { get; }
        public string Check { get; }

        /// <summary>Pass, Fail or Skipped (<see cref="CheckResult"/>).</summary>
        public string Result { get; }

        public string Detail { get; }
        public string? Fix { get; }

        /// <summary>"RoleExists: Pass", as the Checks of an <see cref="AccountTestResult"/> read in one line.</summary>
        public override string ToString() => $"{Check}: {Result}";
    }
}
