using System;
using System.Text;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Tests.Aws.Model
{
    /// <summary>
    /// The Java regular expressions of AWS models as .NET regexes matching the whole value. Java's
    /// \w \d \s (and \W \D \S) are ASCII-only where .NET's are Unicode, so they are spelled out; \uXXXX, \p{L},
    /// \p{Z}, \p{N} and escaped punctuation mean the same in both. Java-only syntax is refused.
    /// </summary>
    internal static class JavaRegex
    {
        private const string Word = "a-zA-Z0-9_";
        private const string Digit = "0-9";
        private const string Space = @" \t\n\x0B\f\r";

        // The complements as ranges of UTF-16 code units, for use inside a class ([\s\S]).
        private const string NotWord = @"\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\uFFFF";
        private const string NotDigit = @"\x00-\x2F\x3A-\uFFFF";
        private const string NotSpace = @"\x00-\x08\x0E-\x1F\x21-\uFFFF";

        public static Regex ToWholeValueRegex(string javaPattern) =>
            new Regex(@"\A(?:" + Translate(javaPattern) + @")\z", RegexOptions.CultureInvariant);

        public static string Translate(string java)
        {
            var net = new StringBuilder();
            var inClass = false;
            for (var i = 0; i < java.Length; i++)
            {
                var c = java[i];
                if (c == '\\')
                {
                    if (i + 1 >= java.Length) throw Unsupported(java, "a trailing backslash");
                    var escaped = java[++i];
                    if (inClass && "wdsWDS".IndexOf(escaped) >= 0 && i + 2 < java.Length && java[i + 1] == '-' && java[i + 2] != ']')
                        throw Unsupported(java, $"\\{escaped} before '-' in a class (the expansion would become a range)");
                    switch (escaped)
                    {
                        case 'w': net.Append(inClass ? Word : $"[{Word}]"); break;
                        case 'd': net.Append(inClass ? Digit : $"[{Digit}]"); break;
                        case 's': net.Append(inClass ? Space : $"[{Space}]"); break;
                        case 'W': net.Append(inClass ? NotWord : $"[^{Word}]"); break;
                        case 'D': net.Append(inClass ? NotDigit : $"[^{Digit}]"); break;
                        case 'S': net.Append(inClass ? NotSpace : $"[^{Space}]"); break;
                        case 'u':
                            net.Append(java, i - 1, 6);
                            i += 4;
                            break;
                        case 'p':
                        case 'P':
                            var end = java.IndexOf('}', i);
                            var category = java.Substring(i + 2, end - i - 2);
                            // One- and two-letter Unicode categories agree; Java's POSIX names (\p{Alpha}) do not exist in .NET.
                            if (java[i + 1] != '{' || category.Length > 2) throw Unsupported(java, $"\\{escaped}{{{category}}}");
                            net.Append('\\').Append(escaped).Append('{').Append(category).Append('}');
                            i = end;
                            break;
                        default:
                            if (char.IsLetterOrDigit(escaped)) throw Unsupported(java, $"\\{escaped}");
                            net.Append('\\').Append(escaped);
                            break;
                    }
                    continue;
                }

                if (c == '[')
                {
                    if (inClass) throw Unsupported(java, "a nested character class (Java union)");
                    inClass = true;
                }
                else if (c == ']' && inClass)
                {
                    inClass = false;
                }
                else if (inClass && c == '&' && i + 1 < java.Length && java[i + 1] == '&')
                {
                    throw Unsupported(java, "a class intersection (&&)");
                }
                else if (!inClass && (c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < java.Length && java[i + 1] == '+')
                {
                    throw Unsupported(java, "a possessive quantifier");
                }
                net.Append(c);
            }
            if (inClass) throw Unsupported(java, "an unclosed character class");
            return net.ToString();
        }

        private static NotSupportedException Unsupported(string java, string what) =>
            new NotSupportedException($"Java pattern '{java}' uses {what}, which has no translation here.");
    }
}
