using System;
using System.Collections.Generic;
using System.Management.Automation;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// The end of a bulk command: its one-line summary on the host, and with -ReportPath the Markdown
    /// report, also shown in the CI run's UI (GitHub step summary, Azure Pipelines attachment).
    /// </summary>
    internal static class RunReporting
    {
        public static void WriteSummary<T>(this PSCmdlet cmdlet, ReportShape<T> shape, IReadOnlyCollection<T> results, TimeSpan elapsed) =>
            cmdlet.WriteHostLine(RunReport.Summary(shape, results, elapsed));

        /// <param name="scope">What the run covered, for the report's heading.</param>
        public static void WriteReport<T>(this PSCmdlet cmdlet, string reportPath, ReportShape<T> shape, string scope, IReadOnlyCollection<T> results,
            TimeSpan elapsed)
        {
            var markdown = RunReport.ToMarkdown(shape, scope, results, elapsed, cmdlet.IsWhatIf());
            var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(reportPath);
            if (CiSummary.Publish(path, markdown, Environment.GetEnvironmentVariable) is { } loggingCommand) cmdlet.WriteHostLine(loggingCommand);
            cmdlet.WriteVerbose($"Wrote the report to {path}.");
        }

        /// <summary>A line for the host, as Write-Host writes it: in the information stream, tagged PSHOST.</summary>
        private static void WriteHostLine(this PSCmdlet cmdlet, string line) =>
            cmdlet.WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST" });
    }
}
