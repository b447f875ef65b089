using System;
using System.Linq;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// Ctrl+C or Stop-Job during Register-DtAwsAccount: the accounts whose writes were under way may be
/// left half onboarded, so the stop names them and says that a rerun finishes them, and the summary
/// is written too (issue 16, point 6). IAM takes one write a second per account here, so each
/// account's writes take seconds and a stop meets them in flight.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public sealed class StopTests : HostedModuleTest
{
    private const string Register =
        "'AccountId\n200000000001\n200000000002\n200000000003' | ConvertFrom-Csv | Register-DtAwsAccount @Aws -AssumeRoleName OrganizationAccountAccessRole";

    public StopTests(PublishedModule module) : base(module, "--iam-writes-per-second", "1") { }

    [Fact]
    public void A_stopped_Sync_names_the_accounts_being_written()
    {
        using var session = ConnectedSession(interactive: false);
        session.Run("$Unit = (Get-DtAwsOrganizationAccount @Aws | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId").ThrowOnError();

        session.RunThenStop("Sync-DtAwsOrganization $Unit @Aws", () => EmulatorWrites("iam") >= 3);

        var warning = Assert.Single(session.Host.Written, w => w.StartsWith("WARNING: Stopped while", StringComparison.Ordinal));
        Assert.Contains(new[] { "200000000001", "200000000002", "200000000003" }, warning.Contains);
    }

    [Fact]
    public void A_stop_names_the_accounts_being_written_writes_the_summary_and_a_rerun_finishes_them()
    {
        using var session = ConnectedSession(interactive: false);
        var report = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"stop-report-{Guid.NewGuid():N}.md");

        try
        {
            session.Run("$Report = $Path", ("Path", report)).ThrowOnError();
            session.RunThenStop(Register + " -ReportPath $Report", () => EmulatorWrites("iam") >= 3);

            var warning = Assert.Single(session.Host.Written, w => w.StartsWith("WARNING: Stopped while", StringComparison.Ordinal));
            Assert.Contains("run the same command again, and it finishes them", warning);
            Assert.Contains(new[] { "200000000001", "200000000002", "200000000003" }, warning.Contains);
            Assert.Contains(session.Host.Written, w => w.StartsWith("Stopped. ", StringComparison.Ordinal) && w.Contains("account(s) in"));
            var written = System.IO.File.ReadAllText(report);
            Assert.Contains("**Stopped** before the end, while these accounts were being written: 200000000001", written);
        }
        finally
        {
            System.IO.File.Delete(report);
        }

        var rerun = session.Run(Register).ThrowOnError();
        Assert.Equal(3, rerun.Output.Count);
        Assert.All(rerun.Output, r => Assert.Equal("Onboarded", r.Properties["Status"].Value.ToString()));
    }
}
