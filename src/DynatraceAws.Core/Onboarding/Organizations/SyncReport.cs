using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>The Markdown summary of a sync for people: counts by status, then one row per account.</summary>
    public static class SyncReport
    {
        public static string ToMarkdown(string scope, IReadOnlyCollection<SyncResult> results, TimeSpan elapsed, bool planOnly)
        {
            var text = new StringBuilder();
            text.Append("## Sync-DtAwsOrganization").Append(planOnly ? " (plan, nothing written)" : "").Append(": ").AppendLine(Cell(scope));
            text.AppendLine();
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0} account(s) in {1:hh\\:mm\\:ss}.", results.Count, elapsed));
            text.AppendLine();
            text.AppendLine("| Status | Accounts |");
            text.AppendLine("|---|---:|");
            foreach (var status in SyncStatus.All.Where(s => results.Any(r => r.Status == s)))
                text.Append("| ").Append(status).Append(" | ").Append(results.Count(r => r.Status == status).ToString(CultureInfo.InvariantCulture)).AppendLine(" |");
            text.AppendLine();
            text.AppendLine("| Account | Name | Connection | OU path | Status | Step | Error |");
            text.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var result in results.OrderBy(r => r.Status == SyncStatus.Failed ? 0 : 1).ThenBy(r => r.AccountId, StringComparer.Ordinal))
            {
                text.Append("| ").Append(result.AccountId)
                    .Append(" | ").Append(Cell(result.AccountName))
                    .Append(" | ").Append(Cell(result.ConnectionName))
                    .Append(" | ").Append(Cell(result.OrganizationalUnitPath))
                    .Append(" | ").Append(result.Status)
                    .Append(" | ").Append(Cell(result.Step))
                    .Append(" | ").Append(Cell(result.Error))
                    .AppendLine(" |");
            }
            return text.ToString();
        }

        /// <summary>A table cell: one line, with Markdown's table and HTML characters escaped.</summary>
        private static string Cell(string? value) =>
            (value ?? "").Replace("\r", " ").Replace("\n", " ").Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
