using System;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws.Model
{
    public class JavaRegexTests
    {
        [Theory]
        [InlineData(@"[\w+=,.@-]+", "Dynatrace.Role@x", true)]
        [InlineData(@"[\w+=,.@-]+", "rôle", false)]
        [InlineData(@"[\w]+", "٣٤", false)]
        [InlineData(@"\d{12}", "123456789012", true)]
        [InlineData(@"\d{12}", "١٢٣٤٥٦٧٨٩٠١٢", false)]
        [InlineData(@"[\u0009\u000A\u000D\u0020-\u00FF]+", "{\"a\":\"é\"}\n", true)]
        [InlineData(@"[\u0009\u000A\u000D\u0020-\u00FF]+", "“quoted”", false)]
        [InlineData(@"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)", "/dynatrace/", true)]
        [InlineData(@"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)", "/dynatrace", false)]
        [InlineData(@"[\p{L}\p{Z}\p{N}_.:/=+\-@]+", "Dynatrace:EnvironmentID", true)]
        [InlineData(@"[\p{L}\p{Z}\p{N}_.:/=+\-@]+", "a,b", false)]
        [InlineData(@"v[1-9][0-9]*(\.[A-Za-z0-9-]*)?", "v12", true)]
        [InlineData(@"v[1-9][0-9]*(\.[A-Za-z0-9-]*)?", "xv12", false)]
        [InlineData(@"[\s\S]*", "any\ttext\u00A0\u2028 at all", true)]
        [InlineData(@"[^\s@]+@[^\s@]+\.[^\s@]+", "member-07@example.com", true)]
        [InlineData(@"[^\s@]+@[^\s@]+\.[^\s@]+", "member 07@example.com", false)]
        [InlineData(@"[\S]+", "a\u00A0b", true)]
        [InlineData(@"[\S]+", "a\tb", false)]
        [InlineData(@"[\D]+", "٣٤x", true)]
        [InlineData(@"[\W]+", "é-", true)]
        [InlineData(@"[\W]+", "a", false)]
        [InlineData(@"^\d{12}$", "123456789012", true)]
        public void Patterns_match_the_whole_value_with_Java_semantics(string java, string value, bool matches)
        {
            Assert.Equal(matches, JavaRegex.ToWholeValueRegex(java).IsMatch(value));
        }

        [Theory]
        [InlineData(@"\p{Alpha}+")]
        [InlineData(@"[a-z&&[^e]]")]
        [InlineData(@"a++")]
        [InlineData(@"[\w-z]")]
        [InlineData(@"\Qa.b\E")]
        public void Java_only_syntax_is_refused_rather_than_mistranslated(string java)
        {
            Assert.Throws<NotSupportedException>(() => JavaRegex.Translate(java));
        }
    }
}
