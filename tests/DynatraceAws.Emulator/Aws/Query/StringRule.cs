using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Aws.Query;

/// <summary>A string member's constraints in the botocore model: length bounds and a pattern that must match whole.</summary>
internal sealed class StringRule
{
    private readonly Regex? _pattern;

    public StringRule(int minLength, int maxLength, string? modelPattern = null)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        ModelPattern = modelPattern;
        if (modelPattern is not null)
        {
            // AWS evaluates patterns in Java, where \w is ASCII; in .NET only ECMAScript mode agrees,
            // and that mode has no \p{..} classes, which only the tag patterns use.
            var options = modelPattern.Contains(@"\p", System.StringComparison.Ordinal) ? RegexOptions.None : RegexOptions.ECMAScript;
            _pattern = new Regex("^(?:" + modelPattern + ")$", options | RegexOptions.Compiled);
        }
    }

    public int MinLength { get; }

    public int MaxLength { get; }

    public string? ModelPattern { get; }

    /// <summary>The model's constraint the value breaks, worded as AWS words it, or null.</summary>
    public string? Violation(string value)
    {
        if (value.Length > MaxLength) return $"Member must have length less than or equal to {MaxLength}";
        if (value.Length < MinLength) return $"Member must have length greater than or equal to {MinLength}";
        if (_pattern is not null && !_pattern.IsMatch(value)) return $"Member must satisfy regular expression pattern: {ModelPattern}";
        return null;
    }
}
