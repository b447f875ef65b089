namespace DynatraceAws.Core.Errors
{
    /// <summary>What kind of failure; the cmdlets map it one-to-one onto PowerShell's ErrorCategory.</summary>
    public enum FailureCategory
    {
        InvalidArgument,
        InvalidOperation,
        ObjectNotFound,
        ResourceExists,
        AuthenticationError,
        PermissionDenied,
        LimitsExceeded,
        ConnectionError,
        OperationTimeout,
        ResourceUnavailable,
        ProtocolError,

        /// <summary>A change another service does not see yet (IAM propagation); retried for a while, then reported.</summary>
        NotYetPropagated,
    }
}
