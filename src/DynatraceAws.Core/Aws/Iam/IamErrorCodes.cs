namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>The error codes of <see cref="IamException.Code"/> that callers act on.</summary>
    public static class IamErrorCodes
    {
        public const string EntityAlreadyExists = "EntityAlreadyExists";
        public const string NoSuchEntity = "NoSuchEntity";

        /// <summary>A quota (policy size, versions, attachments); not a throttle, never worth retrying.</summary>
        public const string LimitExceeded = "LimitExceeded";

        public const string MalformedPolicyDocument = "MalformedPolicyDocument";
        public const string DeleteConflict = "DeleteConflict";
        public const string ConcurrentModification = "ConcurrentModification";
        public const string InvalidInput = "InvalidInput";
        public const string Throttling = "Throttling";
        public const string ServiceFailure = "ServiceFailure";
        public const string ServiceUnavailable = "ServiceUnavailable";
        public const string AccessDenied = "AccessDenied";
        public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";
        public const string InvalidClientTokenId = "InvalidClientTokenId";

        /// <summary>Ours, not AWS's: the response carried no IAM error document (a proxy page, an empty 503).</summary>
        public const string NoErrorDocument = "NoErrorDocument";
    }
}
