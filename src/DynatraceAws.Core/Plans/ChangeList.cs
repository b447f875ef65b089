using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Plans
{
    /// <summary>The changes a result reports; as text (Export-Csv, string interpolation) one line joined by "; ".</summary>
    public sealed class ChangeList : ReportList<PlannedChange>
    {
        public static ChangeList Empty { get; } = new ChangeList(Enumerable.Empty<PlannedChange>());

        public ChangeList(IEnumerable<PlannedChange> changes) : base(changes)
        {
        }
    }
}
