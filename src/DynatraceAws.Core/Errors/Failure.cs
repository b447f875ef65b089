using System;
using System.Net.Http;

namespace DynatraceAws.Core.Errors
{
    /// <summary>The one mapping from any exception to a stable ErrorId, a category and the fix.</summary>
    public sealed class Failure
    {
        private Failure(string errorId, FailureCategory? category, string? recommendedAction)
        {
            ErrorId = errorId;
            Category = category;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }

        /// <summary>Null when the failure is not one Core knows (a bug, not a condition).</summary>
        public FailureCategory? Category { get; }

        public string? RecommendedAction { get; }

        public static Failure Of(Exception exception) => exception switch
        {
            DynatraceAwsException known => new Failure(known.ErrorId, known.Category, known.RecommendedAction),
            TimeoutException _ => new Failure("RequestTimedOut", FailureCategory.OperationTimeout,
                "The service did not answer in time. Run the command again; it resumes where it stopped."),
            HttpRequestException _ => new Failure("ConnectionFailed", FailureCategory.ConnectionError,
                "Check the address and the network, then run the command again; it resumes where it stopped."),
            _ => new Failure("UnexpectedError", null, null),
        };
    }
}
