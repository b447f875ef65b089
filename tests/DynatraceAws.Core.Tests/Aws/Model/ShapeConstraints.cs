using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Tests.Aws.Model
{
    /// <summary>What a model states of one scalar value, whatever the protocol: length, pattern and enum of strings, range of numbers.</summary>
    internal static class ShapeConstraints
    {
        private static readonly Dictionary<string, Regex> Patterns = new Dictionary<string, Regex>();

        public static void CheckString(BotocoreModel.Shape shape, string value, string path, List<string> violations)
        {
            var length = Encoding.UTF32.GetByteCount(value) / 4;
            if (shape.Min is { } min && length < min) violations.Add($"{path} has {length} characters, fewer than {min} ({shape.Name}).");
            if (shape.Max is { } max && length > max) violations.Add($"{path} has {length} characters, more than {max} ({shape.Name}).");
            if (shape.Pattern != null && !Pattern(shape.Pattern).IsMatch(value))
                violations.Add($"{path} '{value}' does not match {shape.Name}'s pattern {shape.Pattern}.");
            if (shape.EnumValues != null && !shape.EnumValues.Contains(value))
                violations.Add($"{path} '{value}' is not one of {string.Join(", ", shape.EnumValues)}.");
        }

        public static void CheckNumber(BotocoreModel.Shape shape, long number, string path, List<string> violations)
        {
            if (shape.Min is { } min && number < min) violations.Add($"{path} is {number}, less than {min}.");
            if (shape.Max is { } max && number > max) violations.Add($"{path} is {number}, more than {max}.");
        }

        private static Regex Pattern(string java)
        {
            lock (Patterns)
            {
                if (!Patterns.TryGetValue(java, out var regex)) Patterns[java] = regex = JavaRegex.ToWholeValueRegex(java);
                return regex;
            }
        }
    }
}
