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
            Publish(path, RunReport.ToMarkdown(shape, scope, results, elapsed, cmdlet.IsWhatIf()), cmdlet.WriteHostLine);
            cmdlet.WriteVerbose($"Wrote the report to {path}.");
        }

        /// <summary>The file -ReportPath names, resolved on the pipeline thread (a stop writes the report from another).</summary>
        public static string ReportFile(this PSCmdlet cmdlet, string reportPath) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(reportPath);

        /// <summary>The report of a stopped run, from the thread that stops it: the host is told directly, as the pipeline takes nothing more.</summary>
        public static void WriteReportAtStop<T>(this PSCmdlet cmdlet, string path, ReportShape<T> shape, string scope, IReadOnlyCollection<T> results,
            TimeSpan elapsed, bool planOnly, IReadOnlyCollection<string> writing)
        {
            Publish(path, RunReport.ToMarkdownStopped(shape, scope, results, elapsed, planOnly, writing), cmdlet.Host.UI.WriteLine);
            cmdlet.Host.UI.WriteLine($"Wrote the report of the accounts done to {path}.");
        }

        /// <summary>Writes the report, and tells the CI run's UI (GitHub step summary, Azure Pipelines attachment) where one runs.</summary>
        private static void Publish(string path, string markdown, Action<string> tellHost)
        {
            if (CiSummary.Publish(path, markdown, Environment.GetEnvironmentVariable) is { } loggingCommand) tellHost(loggingCommand);
        }

        /// <summary>A line for the host, as Write-Host writes it: in the information stream, tagged PSHOST.</summary>
        private static void WriteHostLine(this PSCmdlet cmdlet, string line) =>
            cmdlet.WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST" });
    }
}
