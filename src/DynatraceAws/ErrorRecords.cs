using System;
using System.Management.Automation;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// The one mapping from a Core failure to a PowerShell error record. Every text the record
    /// carries passes the Redactor: the exception (Core's own are built redacted, a foreign one
    /// becomes a redacted copy), the target and so the category info built from it, the details.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            var failure = Failure.Of(exception);
            var shown = Redactor.Redact(exception);
            return new ErrorRecord(shown, failure.ErrorId, failure.Category is { } known ? Map(known) : ErrorCategory.NotSpecified,
                target is string text ? Redactor.Redact(text) : target)
            {
                ErrorDetails = new ErrorDetails(Redactor.Redact(shown.Message)) { RecommendedAction = failure.RecommendedAction },
            };
        }

        /// <summary>A failed Connect-DtEnvironment or Connect-DtAccount: the failure, and that nothing is connected now.</summary>
        /// <param name="what">What is no longer connected: "Dynatrace environment", "Dynatrace account".</param>
        public static ErrorRecord ConnectFailed(Exception exception, object? target, string what)
        {
            var record = From(exception, target);
            var message = record.ErrorDetails.Message.TrimEnd();
            // Some failures end without a full stop ("HTTP 401 Unauthorized"): the sentence after it must not run on.
            if (!message.EndsWith(".", StringComparison.Ordinal)) message += ".";
            record.ErrorDetails = new ErrorDetails($"{message} No {what} is connected now.")
            {
                RecommendedAction = record.ErrorDetails.RecommendedAction,
            };
            return record;
        }

        /// <param name="failedConnect">What the session's last Connect-DtEnvironment failed to reach; null when it has none.</param>
        public static ErrorRecord NotConnected(string? failedConnect) => From(new DynatraceAwsException("NotConnected", FailureCategory.AuthenticationError,
            failedConnect is null
                ? "Not connected to a Dynatrace environment."
                : $"Not connected to a Dynatrace environment: the last Connect-DtEnvironment, to {failedConnect}, failed.",
            failedConnect is null
                ? "Run Connect-DtEnvironment, pass -Connection, or set DT_ENVIRONMENT_URL with DT_PLATFORM_TOKEN, with DT_API_TOKEN, or with DT_CLIENT_ID and DT_CLIENT_SECRET."
                : "Run Connect-DtEnvironment again or pass -Connection; Disconnect-DtEnvironment goes back to the DT_ENVIRONMENT_URL variables, if set."), null);

        private static ErrorCategory Map(FailureCategory category) => category switch
        {
            FailureCategory.InvalidArgument => ErrorCategory.InvalidArgument,
            FailureCategory.InvalidOperation => ErrorCategory.InvalidOperation,
            FailureCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
            FailureCategory.ResourceExists => ErrorCategory.ResourceExists,
            FailureCategory.AuthenticationError => ErrorCategory.AuthenticationError,
            FailureCategory.PermissionDenied => ErrorCategory.PermissionDenied,
            FailureCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
            FailureCategory.ConnectionError => ErrorCategory.ConnectionError,
            FailureCategory.OperationTimeout => ErrorCategory.OperationTimeout,
            FailureCategory.ResourceUnavailable or FailureCategory.NotYetPropagated => ErrorCategory.ResourceUnavailable,
            _ => ErrorCategory.ProtocolError,
        };
    }
}
