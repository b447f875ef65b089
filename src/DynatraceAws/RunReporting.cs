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
            var path = cmdlet.ReportFile(reportPath);
            var markdown = RunReport.ToMarkdown(shape, scope, results, elapsed, cmdlet.IsWhatIf());
            if (CiSummary.Publish(path, markdown, Environment.GetEnvironmentVariable) is { } loggingCommand) cmdlet.WriteHostLine(loggingCommand);
            cmdlet.WriteVerbose($"Wrote the report to {path}.");
        }

        /// <summary>The file -ReportPath names, resolved on the pipeline thread (a stop writes the report from another).</summary>
        public static string ReportFile(this PSCmdlet cmdlet, string reportPath) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(reportPath);

        /// <summary>
        /// The report of a stopped run, from the thread that stops it: the accounts done so far, and a line
        /// saying that the run was stopped; the host is told directly, as the pipeline takes nothing more.
        /// </summary>
        public static void WriteReportAtStop<T>(this PSCmdlet cmdlet, string path, ReportShape<T> shape, string scope, IReadOnlyCollection<T> results,
            TimeSpan elapsed, bool planOnly, IReadOnlyCollection<string> writing)
        {
            var markdown = RunReport.ToMarkdown(shape, scope, results, elapsed, planOnly) + Environment.NewLine +
                           "**Stopped** before the end" + (writing.Count > 0 ? $", while these accounts were being written: {string.Join(", ", writing)}" : "") +
                           ". Run the same command again: it finishes the accounts not done." + Environment.NewLine;
            if (CiSummary.Publish(path, markdown, Environment.GetEnvironmentVariable) is { } loggingCommand) cmdlet.Host.UI.WriteLine(loggingCommand);
            cmdlet.Host.UI.WriteLine($"Wrote the report of the accounts done to {path}.");
        }

        /// <summary>A line for the host, as Write-Host writes it: in the information stream, tagged PSHOST.</summary>
        private static void WriteHostLine(this PSCmdlet cmdlet, string line) =>
            cmdlet.WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST" });
    }
}
