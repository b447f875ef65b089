using System;
using System.Collections.Generic;

namespace DynatraceAws.Core.Reports
{
    /// <summary>How the per-account results of one command read in its summary and report: the statuses in the order they are counted, and the table's columns.</summary>
    public sealed class ReportShape<T>
    {
        /// <param name="command">The cmdlet, as the report's heading names it.</param>
        /// <param name="statuses">Every status, in the order summaries count them; the last is the failure, always counted.</param>
        public ReportShape(string command, IReadOnlyList<string> statuses, Func<T, string> accountId, Func<T, string> status,
            params (string Header, Func<T, string?> Cell)[] columns)
        {
            Command = command;
            Statuses = statuses;
            AccountId = accountId;
            Status = status;
            Columns = columns;
        }

        public string Command { get; }
        public IReadOnlyList<string> Statuses { get; }
        public Func<T, string> AccountId { get; }
        public Func<T, string> Status { get; }
        public IReadOnlyList<(string Header, Func<T, string?> Cell)> Columns { get; }

        public string Failed => Statuses[Statuses.Count - 1];
    }
}
