using System;
using System.Text;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Tests.Aws.Iam.Model
{
    /// <summary>
    /// The Java regular expressions of AWS models as .NET regexes matching the whole value. Java's
    /// \w \d \s are ASCII-only where .NET's are Unicode, so they are spelled out; \uXXXX, \p{L},
    /// \p{Z}, \p{N} and escaped punctuation mean the same in both. Java-only syntax is refused.
    /// </summary>
    internal static class JavaRegex
    {
        private const string Word = "a-zA-Z0-9_";
        private const string Digit = "0-9";
        private const string Space = @" \t\n\x0B\f\r";

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
                    if (inClass && "wds".IndexOf(escaped) >= 0 && i + 2 < java.Length && java[i + 1] == '-' && java[i + 2] != ']')
                        throw Unsupported(java, $"\\{escaped} before '-' in a class (the expansion would become a range)");
                    switch (escaped)
                    {
                        case 'w': net.Append(inClass ? Word : $"[{Word}]"); break;
                        case 'd': net.Append(inClass ? Digit : $"[{Digit}]"); break;
                        case 's': net.Append(inClass ? Space : $"[{Space}]"); break;
                        case 'W':
                        case 'D':
                        case 'S':
                            if (inClass) throw Unsupported(java, $"\\{escaped} inside a character class");
                            net.Append("[^").Append(escaped == 'W' ? Word : escaped == 'D' ? Digit : Space).Append(']');
                            break;
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
