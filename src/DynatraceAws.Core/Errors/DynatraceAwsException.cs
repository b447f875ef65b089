using System;

namespace DynatraceAws.Core.Errors
{
    /// <summary>
    /// Every failure Core reports on purpose. <see cref="ErrorId"/> is stable across releases and
    /// names the code path; <see cref="RecommendedAction"/> tells the user the fix.
    /// </summary>
    public class DynatraceAwsException : Exception
    {
        public DynatraceAwsException(string errorId, FailureCategory category, string message,
            string? recommendedAction = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }
        public FailureCategory Category { get; }
        public string? RecommendedAction { get; }
    }
}
