using System;
using System.Net;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// An error answer from an AWS service: the error code, its message, the request id AWS support
    /// asks for (all redacted: a hostile endpoint may echo the request) and the HTTP status. Each service says which of its codes are transient.
    /// </summary>
    public abstract class AwsServiceException : DynatraceAwsException, ITransientFailure
    {
        protected AwsServiceException(string service, string errorId, FailureCategory category, string? hint, string operation,
            string code, string serviceMessage, string? requestId, HttpStatusCode statusCode, TimeSpan? retryAfter)
            : base(errorId, category,
                $"{service} {operation} failed with {code} (HTTP {(int)statusCode}): {serviceMessage}" +
                (requestId is null ? "" : $" [request id {requestId}]"), hint)
        {
            Operation = Redactor.Redact(operation);
            Code = Redactor.Redact(code);
            ServiceMessage = Redactor.Redact(serviceMessage);
            RequestId = requestId is null ? null : Redactor.Redact(requestId);
            StatusCode = statusCode;
            RetryAfter = retryAfter;
        }

        /// <summary>The action, e.g. CreateRole.</summary>
        public string Operation { get; }

        public string Code { get; }

        /// <summary>The message AWS gave, redacted.</summary>
        public string ServiceMessage { get; }

        public string? RequestId { get; }

        public HttpStatusCode StatusCode { get; }

        public TimeSpan? RetryAfter { get; }

        public abstract bool IsTransient { get; }
    }
}
