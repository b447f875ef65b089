using System;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Errors
{
    /// <summary>
    /// Every failure Core reports on purpose. <see cref="ErrorId"/> is stable across releases and
    /// names the code path; <see cref="RecommendedAction"/> tells the user the fix. The message, the
    /// fix and the inner exception pass through the <see cref="Redactor"/>, and so must every text a
    /// subclass adds: an error answer may echo the request that carried a secret.
    /// </summary>
    public class DynatraceAwsException : Exception, IRedacted
    {
        public DynatraceAwsException(string errorId, FailureCategory category, string message,
            string? recommendedAction = null, Exception? inner = null)
            : base(Redactor.Redact(message), inner is null ? null : Redactor.Redact(inner))
        {
            ErrorId = Redactor.Redact(errorId);
            Category = category;
            RecommendedAction = recommendedAction is null ? null : Redactor.Redact(recommendedAction);
        }

        public string ErrorId { get; }
        public FailureCategory Category { get; }
        public string? RecommendedAction { get; }
    }
}
