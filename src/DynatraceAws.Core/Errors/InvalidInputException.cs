namespace DynatraceAws.Core.Errors
{
    /// <summary>A user-supplied value broke a rule; raised before any network call.</summary>
    public sealed class InvalidInputException : DynatraceAwsException
    {
        /// <param name="value">What was given, quoted in the message; null for a value that is absent or secret.</param>
        public InvalidInputException(string errorId, string field, string? value, string problem, string fix)
            : base(errorId, FailureCategory.InvalidArgument, value is null ? $"{field} {problem}" : $"{field} '{Shorten(value)}' {problem}", fix)
        {
            Field = field;
            Value = value;
        }

        public string Field { get; }
        public string? Value { get; }

        private static string Shorten(string value) =>
            value.Length <= 120 ? value : value.Substring(0, 117) + "...";
    }
}
