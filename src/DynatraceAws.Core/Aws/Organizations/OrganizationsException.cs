using System;
using System.Net;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>
    /// An error answer from AWS Organizations: the error code (see <see cref="OrganizationsErrorCodes"/>),
    /// its message, the request id and the HTTP status. Throttling and server faults are transient,
    /// so <see cref="RetryPolicy"/> retries them.
    /// </summary>
    public sealed class OrganizationsException : AwsServiceException
    {
        public OrganizationsException(string operation, string code, string serviceMessage, string? requestId,
            HttpStatusCode statusCode, TimeSpan? retryAfter = null)
            : base("Organizations", "Organizations" + code.Replace("Exception", ""), CategoryOf(code, statusCode), HintFor(code),
                operation, code, serviceMessage, requestId, statusCode, retryAfter)
        {
        }

        public override bool IsTransient =>
            Code == OrganizationsErrorCodes.TooManyRequests
            || Code == OrganizationsErrorCodes.Service
            || Code == OrganizationsErrorCodes.ConcurrentModification
            || (int)StatusCode == 429
            || (int)StatusCode >= 500;

        private static FailureCategory CategoryOf(string code, HttpStatusCode status) => code switch
        {
            OrganizationsErrorCodes.ParentNotFound => FailureCategory.ObjectNotFound,
            OrganizationsErrorCodes.NotInUse => FailureCategory.InvalidOperation,
            OrganizationsErrorCodes.InvalidInput => FailureCategory.InvalidArgument,
            OrganizationsErrorCodes.TooManyRequests => FailureCategory.LimitsExceeded,
            OrganizationsErrorCodes.ConcurrentModification => FailureCategory.InvalidOperation,
            OrganizationsErrorCodes.AccessDenied => FailureCategory.PermissionDenied,
            OrganizationsErrorCodes.UnrecognizedClient or OrganizationsErrorCodes.InvalidSignature => FailureCategory.AuthenticationError,
            _ when (int)status >= 500 => FailureCategory.ResourceUnavailable,
            _ => FailureCategory.ProtocolError,
        };

        private static string? HintFor(string code) => code switch
        {
            OrganizationsErrorCodes.AccessDenied or OrganizationsErrorCodes.NotInUse =>
                "Use credentials of the organization's management account or of a delegated administrator, with organizations:DescribeOrganization, organizations:ListRoots, organizations:ListOrganizationalUnitsForParent and organizations:ListAccountsForParent.",
            OrganizationsErrorCodes.ParentNotFound => "Check the OU id (ou-xxxx-xxxxxxxx) with 'aws organizations list-organizational-units-for-parent'.",
            OrganizationsErrorCodes.UnrecognizedClient or OrganizationsErrorCodes.InvalidSignature => "The AWS credentials were rejected: check the keys or the profile, or refresh the session.",
            OrganizationsErrorCodes.TooManyRequests => "Organizations is throttling requests. Run the command again later.",
            _ => null,
        };
    }
}
