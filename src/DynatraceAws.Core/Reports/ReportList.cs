using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace DynatraceAws.Core.Reports
{
    /// <summary>
    /// A list property of an output object. ConvertTo-Json writes it as an array; as text (Export-Csv,
    /// string interpolation) it is one line joined by "; ", which the module's list parameters split again.
    /// </summary>
    public class ReportList<T> : ReadOnlyCollection<T>
    {
        public ReportList(IEnumerable<T> items) : base(items.ToList())
        {
        }

        public override string ToString() => string.Join("; ", this);
    }
}
