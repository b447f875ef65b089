using System;
using System.Net;
using Amazon.Runtime;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>An STS call failed; carries AWS's error code, and a redacted copy of the SDK's exception as the inner one.</summary>
    public sealed class StsException : DynatraceAwsException, ITransientFailure
    {
        private StsException(string operation, string code, int status, string message, string? hint, Exception inner)
            : base("Sts" + code, CategoryOf(code, status), $"STS {operation} failed: {code}: {message}", hint, inner)
        {
            Code = Redactor.Redact(code);
            StatusCode = status;
        }

        public string Code { get; }
        public int StatusCode { get; }

        public bool IsTransient => Code == "Throttling" || Code == "RequestLimitExceeded" || StatusCode >= 500;
        public TimeSpan? RetryAfter => null;

        public static StsException From(string operation, AmazonServiceException ex)
        {
            var code = string.IsNullOrEmpty(ex.ErrorCode) ? "Unknown" : ex.ErrorCode;
            var hint = code switch
            {
                "AccessDenied" => "Check that the role exists in the target account and trusts the calling identity.",
                "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException" =>
                    "The AWS credentials were rejected: check the keys, the profile, or refresh the session.",
                _ => null,
            };
            return new StsException(operation, code, (int)ex.StatusCode, ex.Message, hint, ex);
        }

        private static FailureCategory CategoryOf(string code, int status) => code switch
        {
            "AccessDenied" => FailureCategory.PermissionDenied,
            "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException" => FailureCategory.AuthenticationError,
            "Throttling" or "RequestLimitExceeded" => FailureCategory.LimitsExceeded,
            _ when status >= 500 => FailureCategory.ResourceUnavailable,
            _ => FailureCategory.InvalidOperation,
        };
    }
}
