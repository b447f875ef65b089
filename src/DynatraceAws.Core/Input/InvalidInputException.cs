using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Input
{
    /// <summary>A user-supplied value broke a rule; raised before any network call.</summary>
    public sealed class InvalidInputException : DynatraceAwsException
    {
        /// <param name="value">What was given, quoted in the message; null for a value that is absent or secret.</param>
        public InvalidInputException(string errorId, string field, string? value, string problem, string fix)
            : this(null, errorId, field, value, problem, fix)
        {
        }

        private InvalidInputException(string? row, string errorId, string field, string? value, string problem, string fix)
            : base(errorId, FailureCategory.InvalidArgument,
                (row is null ? "" : row + ": ") + (value is null ? $"{field} {problem}" : $"{field} '{Quote(value)}' {problem}"), fix)
        {
            Field = Redactor.Redact(field);
            Value = value is null ? null : Redactor.Redact(value);
            Problem = Redactor.Redact(problem);
        }

        public string Field { get; }
        public string? Value { get; }
        public string Problem { get; }

        /// <summary>The same error, naming the row it is about first: "input 3: Region 'us-east-9' is not ...".</summary>
        public InvalidInputException In(string row) => new InvalidInputException(row, ErrorId, Field, Value, Problem, RecommendedAction ?? "");

        /// <summary>
        /// The value as the message shows it: redacted before it is shortened (a cut secret would no
        /// longer be recognised), and with invisible characters written as &lt;U+XXXX&gt;, so that a
        /// right-to-left override cannot turn the message around.
        /// </summary>
        private static string Quote(string value)
        {
            var redacted = Redactor.Redact(value);
            return InvisibleCharacters.Escape(redacted.Length <= 120 ? redacted : redacted.Substring(0, 117) + "...");
        }
    }
}
