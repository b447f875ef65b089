using System;
using System.Collections.Generic;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How testing one account ended: one per input, whatever happened to it, with its checks one property away.</summary>
    public sealed class AccountTestResult : AccountRunResult
    {
        /// <summary>Test-DtAwsAccount's report: its statuses and the columns of its table.</summary>
        public static ReportShape<AccountTestResult> Report { get; } = new ReportShape<AccountTestResult>("Test-DtAwsAccount",
            TestStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Connection", r => r.ConnectionName), ("Status", r => r.Status),
            ("Failed checks", r => r.FailedChecks.ToString()), ("Error", r => r.Error));

        public string AccountId { get; internal set; } = "";

        /// <summary>The account's AWS connection: the one its configuration names, else the one of the name asked for.</summary>
        public string ConnectionName { get; internal set; } = "";

        /// <summary>Pass, Drift or Failed (<see cref="TestStatus"/>).</summary>
        public string Status { get; internal set; } = TestStatus.Failed;

        /// <summary>The checks that failed, by name: what a Register-DtAwsAccount run would change.</summary>
        public ReportList<string> FailedChecks { get; internal set; } = new ReportList<string>(Array.Empty<string>());

        /// <summary>Every check, in order, with its detail and fix.</summary>
        public ReportList<AccountCheck> Checks { get; internal set; } = new ReportList<AccountCheck>(Array.Empty<AccountCheck>());

        public override string ToString() => $"{AccountId} {Status}";
    }

    /// <summary>How testing one account ended; text, so results export as they read.</summary>
    public static class TestStatus
    {
        /// <summary>Every check passed: the account is onboarded as Register-DtAwsAccount leaves it.</summary>
        public const string Pass = "Pass";

        /// <summary>A check failed (FailedChecks names it): a Register-DtAwsAccount run would change something.</summary>
        public const string Drift = "Drift";

        /// <summary>The test could not finish (Error and ErrorId say why); the checks so far are not reported.</summary>
        public const string Failed = "Failed";

        /// <summary>Every status, in the order summaries count them.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Pass, Drift, Failed };
    }
}
