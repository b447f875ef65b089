using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>A Dynatrace API answered with an error envelope (or none); every text of the answer is redacted.</summary>
    public sealed class DynatraceApiException : DynatraceAwsException, ITransientFailure
    {
        public DynatraceApiException(string operation, int statusCode, string serverMessage,
            IReadOnlyList<ConstraintViolation> violations, IReadOnlyList<string> missingScopes, TimeSpan? retryAfter)
            : base(ErrorIdFor(statusCode), CategoryFor(statusCode), Describe(operation, statusCode, serverMessage, violations),
                Hint(statusCode, missingScopes))
        {
            Operation = Redactor.Redact(operation);
            StatusCode = statusCode;
            ServerMessage = Redactor.Redact(serverMessage);
            ConstraintViolations = violations.Select(v => new ConstraintViolation(Redactor.Redact(v.Path), Redactor.Redact(v.Message))).ToArray();
            MissingScopes = missingScopes.Select(Redactor.Redact).ToArray();
            RetryAfter = retryAfter;
        }

        public string Operation { get; }
        public int StatusCode { get; }
        public string ServerMessage { get; }
        public IReadOnlyList<ConstraintViolation> ConstraintViolations { get; }
        public IReadOnlyList<string> MissingScopes { get; }
        public TimeSpan? RetryAfter { get; }

        public bool IsTransient => StatusCode == 429 || StatusCode == 502 || StatusCode == 503 || StatusCode == 504;

        /// <summary>The server's message and every constraint violation, in one searchable string.</summary>
        public string AllMessages
        {
            get
            {
                var parts = new List<string> { ServerMessage };
                foreach (var v in ConstraintViolations) parts.Add(v.Message);
                return string.Join(" ", parts);
            }
        }

        private static string ErrorIdFor(int status) => status switch
        {
            401 => "DynatraceUnauthorized",
            403 => "DynatraceForbidden",
            404 => "DynatraceNotFound",
            409 => "DynatraceConflict",
            429 => "DynatraceRateLimited",
            400 => "DynatraceValidationFailed",
            _ when status >= 500 => "DynatraceUnavailable",
            _ => "DynatraceRequestFailed",
        };

        private static FailureCategory CategoryFor(int status) => status switch
        {
            400 => FailureCategory.InvalidArgument,
            401 => FailureCategory.AuthenticationError,
            403 => FailureCategory.PermissionDenied,
            404 => FailureCategory.ObjectNotFound,
            409 => FailureCategory.ResourceExists,
            429 => FailureCategory.LimitsExceeded,
            _ when status >= 500 => FailureCategory.ResourceUnavailable,
            _ => FailureCategory.ProtocolError,
        };

        private static string Describe(string operation, int status, string message, IReadOnlyList<ConstraintViolation> violations)
        {
            var text = $"{operation} failed: HTTP {status} {message}".TrimEnd();
            foreach (var v in violations)
                text += string.IsNullOrEmpty(v.Path) ? $" [{v.Message}]" : $" [{v.Path}: {v.Message}]";
            return text;
        }

        private static string? Hint(int status, IReadOnlyList<string> missingScopes) => status switch
        {
            401 => "The token was rejected. Check it is a valid, unexpired platform token for this environment and connect again with Connect-DtEnvironment.",
            403 when missingScopes.Count > 0 => "Give the token these scopes: " + string.Join(", ", missingScopes) + ".",
            403 => "The token lacks a permission for this call. Check the token's scopes and the service user's policy.",
            429 => "Dynatrace is throttling requests. Wait and run the command again; it resumes where it stopped.",
            _ when status >= 500 => "Dynatrace is unavailable. Run the command again later; it resumes where it stopped.",
            _ => null,
        };
    }

    public sealed class ConstraintViolation
    {
        public ConstraintViolation(string path, string message)
        {
            Path = path;
            Message = message;
        }

        public string Path { get; }
        public string Message { get; }
    }
}
