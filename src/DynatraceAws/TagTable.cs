using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Commands
{
    internal static class TagTable
    {
        /// <summary>A -Tag @{ key = 'value' } hashtable as the tag map Core takes.</summary>
        public static IDictionary<string, string> ToDictionary(Hashtable? tags) =>
            (tags ?? new Hashtable()).Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString(), e => e.Value?.ToString() ?? "");
    }
}
