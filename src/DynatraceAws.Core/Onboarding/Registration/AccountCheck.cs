namespace DynatraceAws.Core.Onboarding.Registration
{
    public enum CheckResult
    {
        Pass,
        Fail,

        /// <summary>Not checked: an earlier check it depends on failed.</summary>
        Skipped,
    }

    /// <summary>One drift check of an onboarded account, with the fix when it fails.</summary>
    public sealed class AccountCheck
    {
        public AccountCheck(string accountId, string check, CheckResult result, string detail, string? fix = null)
        {
            AccountId = accountId;
            Check = check;
            Result = result;
            Detail = detail;
            Fix = fix;
        }

        public string AccountId { get; }
        public string Check { get; }
        public CheckResult Result { get; }
        public string Detail { get; }
        public string? Fix { get; }

        public override string ToString() => $"{AccountId} {Check}: {Result}";
    }
}
