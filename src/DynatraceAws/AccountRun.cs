using System.Collections.Generic;
using System.Diagnostics;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// A command that handles one account per pipeline input (Test-, Unregister-DtAwsAccount): progress
    /// as each account starts, then the run's summary and, with -ReportPath, its report.
    /// </summary>
    internal sealed class AccountRun<T>
    {
        private readonly DtCmdlet _cmdlet;
        private readonly ReportShape<T> _shape;
        private readonly string _activity;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<T> _results = new List<T>();

        public AccountRun(DtCmdlet cmdlet, ReportShape<T> shape, string activity)
        {
            _cmdlet = cmdlet;
            _shape = shape;
            _activity = activity;
        }

        public void Starting(string accountId) => _cmdlet.WriteProgress(new ProgressReport(_activity, $"{_results.Count} done; {accountId}"));

        public void Finished(T result) => _results.Add(result);

        /// <param name="scope">What the run covered, for the report's heading.</param>
        public void End(string? reportPath, string scope)
        {
            if (_results.Count == 0) return;
            _cmdlet.WriteProgress(new ProgressReport(_activity, "Done", 100, completed: true));
            _cmdlet.WriteSummary(_shape, _results, _clock.Elapsed);
            if (reportPath != null) _cmdlet.WriteReport(reportPath, _shape, scope, _results, _clock.Elapsed);
        }
    }
}
