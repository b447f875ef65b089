using System;
using System.Net;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>
    /// An error answer from IAM: the AWS error code (see <see cref="IamErrorCodes"/>), its message,
    /// the request id AWS support asks for and the HTTP status. Throttling, server faults and
    /// concurrent modifications are transient, so <see cref="RetryPolicy"/> retries them.
    /// </summary>
    public sealed class IamException : AwsServiceException
    {
        public IamException(string operation, string code, string serviceMessage, string? requestId,
            HttpStatusCode statusCode, TimeSpan? retryAfter = null)
            : base("IAM", "Iam" + code, CategoryOf(code, statusCode), HintFor(code), operation, code, serviceMessage, requestId,
                statusCode, retryAfter)
        {
        }

        /// <remarks>
        /// IAM also calls a principal invalid for a while after the account or role it names was
        /// created or changed (eventual consistency), so that answer is retried too, bounded.
        /// </remarks>
        public override bool IsTransient =>
            (Code == IamErrorCodes.MalformedPolicyDocument && ServiceMessage.IndexOf("Invalid principal", StringComparison.OrdinalIgnoreCase) >= 0)
            || Code == IamErrorCodes.Throttling
            || Code == IamErrorCodes.ServiceFailure
            || Code == IamErrorCodes.ServiceUnavailable
            || Code == IamErrorCodes.ConcurrentModification
            || (int)StatusCode == 429
            || (int)StatusCode >= 500;

        private static FailureCategory CategoryOf(string code, HttpStatusCode status) => code switch
        {
            IamErrorCodes.NoSuchEntity => FailureCategory.ObjectNotFound,
            IamErrorCodes.EntityAlreadyExists => FailureCategory.ResourceExists,
            IamErrorCodes.LimitExceeded => FailureCategory.LimitsExceeded,
            IamErrorCodes.Throttling => FailureCategory.LimitsExceeded,
            IamErrorCodes.MalformedPolicyDocument or IamErrorCodes.InvalidInput => FailureCategory.InvalidArgument,
            IamErrorCodes.DeleteConflict or IamErrorCodes.ConcurrentModification => FailureCategory.InvalidOperation,
            IamErrorCodes.AccessDenied => FailureCategory.PermissionDenied,
            IamErrorCodes.SignatureDoesNotMatch or IamErrorCodes.InvalidClientTokenId => FailureCategory.AuthenticationError,
            _ when (int)status >= 500 => FailureCategory.ResourceUnavailable,
            _ => FailureCategory.ProtocolError,
        };

        private static string? HintFor(string code) => code switch
        {
            IamErrorCodes.AccessDenied => "The AWS identity needs iam:GetPolicy, iam:CreatePolicy, iam:GetPolicyVersion, iam:CreatePolicyVersion, iam:GetRole, iam:CreateRole, iam:AttachRolePolicy, iam:ListAttachedRolePolicies and iam:TagRole in the target account.",
            IamErrorCodes.SignatureDoesNotMatch or IamErrorCodes.InvalidClientTokenId => "The AWS credentials were rejected: check the keys or the profile, or refresh the session.",
            IamErrorCodes.Throttling => "IAM is throttling requests. Run the command again later; it resumes where it stopped.",
            _ => null,
        };
    }
}
