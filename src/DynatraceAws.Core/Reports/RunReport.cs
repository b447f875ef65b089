using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Reports
{
    /// <summary>
    /// What a bulk command says about its run, for people: the one-line summary at its end, and the
    /// Markdown report of -ReportPath (counts by status, then one row per account, failures first).
    /// Register-, Test- and Unregister-DtAwsAccount and Sync-DtAwsOrganization share it.
    /// </summary>
    public static class RunReport
    {
        /// <summary>"3 account(s) in 00:00:05: onboarded 2, failed 1." Statuses without accounts are left out, except the failure.</summary>
        public static string Summary<T>(ReportShape<T> shape, IReadOnlyCollection<T> results, TimeSpan elapsed)
        {
            var counts = Counts(shape, results).Where(c => c.Count > 0 || c.Status == shape.Failed).Select(c => $"{Words(c.Status)} {c.Count}");
            return string.Format(CultureInfo.InvariantCulture, "{0} account(s) in {1:hh\\:mm\\:ss}: {2}.", results.Count, elapsed, string.Join(", ", counts));
        }

        /// <param name="scope">What the run covered: the environment, the OUs.</param>
        /// <param name="planOnly">-WhatIf: the heading says nothing was written.</param>
        public static string ToMarkdown<T>(ReportShape<T> shape, string scope, IReadOnlyCollection<T> results, TimeSpan elapsed, bool planOnly)
        {
            var text = new StringBuilder();
            text.Append("## ").Append(shape.Command).Append(planOnly ? " (plan, nothing written)" : "").Append(": ").AppendLine(Cell(scope));
            text.AppendLine();
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0} account(s) in {1:hh\\:mm\\:ss}.", results.Count, elapsed));
            text.AppendLine();
            text.AppendLine("| Status | Accounts |");
            text.AppendLine("|---|---:|");
            foreach (var (status, count) in Counts(shape, results).Where(c => c.Count > 0))
                text.Append("| ").Append(status).Append(" | ").Append(count.ToString(CultureInfo.InvariantCulture)).AppendLine(" |");
            text.AppendLine();
            text.Append("| ").Append(string.Join(" | ", shape.Columns.Select(c => c.Header))).AppendLine(" |");
            text.Append('|').Append(string.Concat(shape.Columns.Select(_ => "---|"))).AppendLine();
            foreach (var result in results.OrderBy(r => shape.Status(r) == shape.Failed ? 0 : 1).ThenBy(shape.AccountId, StringComparer.Ordinal))
                text.Append("| ").Append(string.Join(" | ", shape.Columns.Select(c => Cell(c.Cell(result))))).AppendLine(" |");
            return text.ToString();
        }

        /// <summary>The report of a run stopped before its end: the accounts done, and the ones being written at the stop.</summary>
        public static string ToMarkdownStopped<T>(ReportShape<T> shape, string scope, IReadOnlyCollection<T> results, TimeSpan elapsed, bool planOnly,
            IReadOnlyCollection<string> writing) =>
            ToMarkdown(shape, scope, results, elapsed, planOnly) + Environment.NewLine +
            "**Stopped** before the end" + (writing.Count > 0 ? $", while these accounts were being written: {Cell(string.Join(", ", writing))}" : "") +
            ". Run the same command again: it finishes the accounts not done." + Environment.NewLine;

        private static IEnumerable<(string Status, int Count)> Counts<T>(ReportShape<T> shape, IReadOnlyCollection<T> results) =>
            shape.Statuses.Select(status => (status, results.Count(r => shape.Status(r) == status)));

        /// <summary>"InSync" as "in sync", "NothingToRemove" as "nothing to remove".</summary>
        private static string Words(string status) => Regex.Replace(status, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

        /// <summary>A table cell: one line, with Markdown's table and HTML characters escaped.</summary>
        private static string Cell(string? value) =>
            (value ?? "").Replace("\r", " ").Replace("\n", " ").Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
