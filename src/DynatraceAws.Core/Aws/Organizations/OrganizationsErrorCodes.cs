using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>The error codes of the Organizations read calls, as botocore's model names them.</summary>
    public static class OrganizationsErrorCodes
    {
        public const string AccessDenied = "AccessDeniedException";
        public const string NotInUse = "AWSOrganizationsNotInUseException";
        public const string InvalidInput = "InvalidInputException";
        public const string ParentNotFound = "ParentNotFoundException";
        public const string Service = "ServiceException";
        public const string TooManyRequests = "TooManyRequestsException";
        public const string ConcurrentModification = "ConcurrentModificationException";
        public const string UnrecognizedClient = "UnrecognizedClientException";
        public const string InvalidSignature = "InvalidSignatureException";

        /// <summary>Not an AWS code: the answer failed and carried no JSON error.</summary>
        public const string NoErrorDocument = "NoErrorDocument";
    }
}
