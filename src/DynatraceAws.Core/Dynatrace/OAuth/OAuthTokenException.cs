using System;
using System.Collections.Generic;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>The SSO token endpoint refused to issue a token (an RFC 6749 error answer).</summary>
    public sealed class OAuthTokenException : DynatraceAwsException, ITransientFailure
    {
        internal OAuthTokenException(string errorId, FailureCategory category, int statusCode, string oauthError,
            string message, string? recommendedAction, TimeSpan? retryAfter, IReadOnlyList<string>? missingScopes = null)
            : base(errorId, category, message, recommendedAction)
        {
            StatusCode = statusCode;
            OAuthError = Redactor.Redact(oauthError);
            RetryAfter = retryAfter;
            MissingScopes = missingScopes ?? Array.Empty<string>();
        }

        public int StatusCode { get; }

        /// <summary>The RFC 6749 error code, such as invalid_client or invalid_scope.</summary>
        public string OAuthError { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>The requested scopes the refusal names as ones the client does not hold.</summary>
        public IReadOnlyList<string> MissingScopes { get; }

        public bool IsTransient => StatusCode == 429 || StatusCode == 502 || StatusCode == 503 || StatusCode == 504;
    }
}
