using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace DynatraceAws.Core.Reports
{
    /// <summary>
    /// A key-value property of an output object, such as tags. ConvertTo-Json writes it as an object;
    /// as text (Export-Csv, string interpolation) it is one line, "key=value" joined by "; ".
    /// </summary>
    public sealed class ReportDictionary : ReadOnlyDictionary<string, string>
    {
        public ReportDictionary(IEnumerable<KeyValuePair<string, string>> pairs)
            : base(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
        {
        }

        public override string ToString() => string.Join("; ", this.Select(p => $"{p.Key}={p.Value}"));
    }
}
