using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DynatraceAws.Core.Input
{
    /// <summary>
    /// Characters a name must not hold because nobody sees them, or because they change how the
    /// text around them looks: control characters, format characters (Unicode Cf: the bidirectional
    /// overrides and isolates, zero-width characters, soft hyphens), line and paragraph separators,
    /// private-use characters and lone surrogates; beyond the first plane too, such as the tag
    /// characters (U+E0000..U+E007F) that hide text in plain sight.
    /// </summary>
    public static class InvisibleCharacters
    {
        /// <summary>The index of the first such character in <paramref name="text"/>, or -1.</summary>
        public static int IndexIn(string text) => Characters(text).Where(c => c.Invisible).Select(c => c.Index).DefaultIfEmpty(-1).First();

        /// <summary>The text with each such character written as &lt;U+XXXX&gt;, for a message that quotes it.</summary>
        public static string Escape(string text) =>
            string.Concat(Characters(text).Select(c => c.Invisible ? $"<{CodePoint(text, c.Index)}>" : text.Substring(c.Index, c.Length)));

        /// <summary>The text without such characters.</summary>
        public static string Remove(string text) =>
            string.Concat(Characters(text).Where(c => !c.Invisible).Select(c => text.Substring(c.Index, c.Length)));

        /// <summary>The character at <paramref name="index"/> as U+XXXX.</summary>
        public static string CodePoint(string text, int index) =>
            $"U+{(char.IsSurrogatePair(text, index) ? char.ConvertToUtf32(text, index) : text[index]):X4}";

        private static IEnumerable<(int Index, int Length, bool Invisible)> Characters(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var length = char.IsSurrogatePair(text, i) ? 2 : 1;
                yield return (i, length, CharUnicodeInfo.GetUnicodeCategory(text, i) switch
                {
                    UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                        or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate => true,
                    _ => false,
                });
                i += length - 1;
            }
        }
    }
}
