using System;
using System.Collections.Generic;
using System.IO;
using DynatraceAws.Core.Onboarding.Organizations;
using DynatraceAws.Core.Reports;
using Xunit;

namespace DynatraceAws.Core.Tests.Organizations;

public sealed class SyncReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dtaws-report-").FullName;

    private static readonly SyncResult[] Results =
    [
        new() { AccountId = "300000000001", AccountName = "Payments: Prod", ConnectionName = "aws-Payments- Prod", OrganizationalUnitPath = "Root/Workloads/Prod", Status = SyncStatus.Onboarded },
        new() { AccountId = "300000000002", AccountName = "a|b", OrganizationalUnitPath = "Root/Workloads/Prod", Status = SyncStatus.Failed, Step = "Role", Error = "IAM CreateRole failed\nwith AccessDenied" },
        new() { AccountId = "300000000003", AccountName = "dev", OrganizationalUnitPath = "Root/Workloads/Dev", Status = SyncStatus.InSync },
    ];

    [Fact]
    public void The_report_counts_by_status_and_has_one_row_per_account_failures_first()
    {
        var markdown = RunReport.ToMarkdown(SyncResult.Report, "ou-emu1-00000001 (recursive)", Results, TimeSpan.FromSeconds(75), planOnly: false);

        Assert.Contains("| Onboarded | 1 |", markdown);
        Assert.Contains("| Failed | 1 |", markdown);
        Assert.Contains("| 300000000002 | a\\|b |  | Root/Workloads/Prod | Failed | Role | IAM CreateRole failed with AccessDenied |", markdown);
        Assert.True(markdown.IndexOf("300000000002", StringComparison.Ordinal) < markdown.IndexOf("300000000001", StringComparison.Ordinal));
        Assert.Contains("3 account(s) in 00:01:15.", markdown);
    }

    [Fact]
    public void In_GitHub_Actions_the_report_is_appended_to_the_step_summary()
    {
        var summary = Path.Combine(_folder, "step_summary.md");
        File.WriteAllText(summary, "earlier step\n");
        var variables = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary };

        var command = CiSummary.Publish(Path.Combine(_folder, "sync.md"), "# report", n => variables.GetValueOrDefault(n));

        Assert.Null(command);
        Assert.Equal("# report", File.ReadAllText(Path.Combine(_folder, "sync.md")));
        Assert.StartsWith("earlier step\n# report", File.ReadAllText(summary));
    }

    [Fact]
    public void In_Azure_Pipelines_the_report_is_attached_with_a_logging_command()
    {
        var variables = new Dictionary<string, string?> { ["TF_BUILD"] = "True" };
        var path = Path.Combine(_folder, "sync.md");

        var command = CiSummary.Publish(path, "# report", n => variables.GetValueOrDefault(n));

        Assert.Equal("##vso[task.uploadsummary]" + path, command);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
