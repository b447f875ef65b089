using System.Globalization;
using DynatraceAws.Core.Onboarding.Organizations;
using DynatraceAws.Core.Onboarding.Registration;

namespace DynatraceAws.Core.Reports
{
    /// <summary>The report of each bulk command: its statuses and the columns of its table.</summary>
    public static class RunReports
    {
        public static ReportShape<AccountResult> Registration { get; } = new ReportShape<AccountResult>("Register-DtAwsAccount",
            AccountStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Connection", r => r.ConnectionName), ("Status", r => r.Status), ("Step", r => r.Step),
            ("Seconds", r => Seconds(r.DurationSeconds)), ("Error", r => r.Error));

        public static ReportShape<AccountTestResult> Test { get; } = new ReportShape<AccountTestResult>("Test-DtAwsAccount",
            TestStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Connection", r => r.ConnectionName), ("Status", r => r.Status),
            ("Failed checks", r => r.FailedChecks.ToString()), ("Error", r => r.Error));

        public static ReportShape<RemovalResult> Removal { get; } = new ReportShape<RemovalResult>("Unregister-DtAwsAccount",
            RemovalStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Connection", r => r.ConnectionName), ("Status", r => r.Status), ("Step", r => r.Step),
            ("Leftovers", r => r.Leftovers.ToString()), ("Error", r => r.Error));

        public static ReportShape<SyncResult> Sync { get; } = new ReportShape<SyncResult>("Sync-DtAwsOrganization",
            SyncStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Name", r => r.AccountName), ("Connection", r => r.ConnectionName),
            ("OU path", r => r.OrganizationalUnitPath), ("Status", r => r.Status), ("Step", r => r.Step), ("Error", r => r.Error));

        private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
