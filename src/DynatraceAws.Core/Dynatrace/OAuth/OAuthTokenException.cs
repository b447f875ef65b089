using System;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>The SSO token endpoint refused to issue a token (an RFC 6749 error answer).</summary>
    public sealed class OAuthTokenException : DynatraceAwsException, ITransientFailure
    {
        internal OAuthTokenException(string errorId, FailureCategory category, int statusCode, string oauthError,
            string message, string? recommendedAction, TimeSpan? retryAfter)
            : base(errorId, category, message, recommendedAction)
        {
            StatusCode = statusCode;
            OAuthError = Redactor.Redact(oauthError);
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }

        /// <summary>The RFC 6749 error code, such as invalid_client or invalid_scope.</summary>
        public string OAuthError { get; }

        public TimeSpan? RetryAfter { get; }

        public bool IsTransient => StatusCode == 429 || StatusCode == 502 || StatusCode == 503 || StatusCode == 504;
    }
}
