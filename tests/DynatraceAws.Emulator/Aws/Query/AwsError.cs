using System;

namespace DynatraceAws.Emulator.Aws.Query;

/// <summary>An error answer of IAM or STS: HTTP status, AWS error code and message, as the real service words them.</summary>
internal sealed class AwsError : Exception
{
    public AwsError(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }

    /// <summary>The fault type of the error envelope: the caller's fault below 500, the service's from 500 on.</summary>
    public string FaultType => Status >= 500 ? "Receiver" : "Sender";

    public static AwsError Validation(string message) => new(400, "ValidationError", message);

    public static AwsError InvalidInput(string message) => ServiceModel.Iam.Error("InvalidInput", message);

    public static AwsError MalformedPolicyDocument(string message) => ServiceModel.Iam.Error("MalformedPolicyDocument", message);

    public static AwsError NoSuchEntity(string message) => ServiceModel.Iam.Error("NoSuchEntity", message);

    public static AwsError EntityAlreadyExists(string message) => ServiceModel.Iam.Error("EntityAlreadyExists", message);

    public static AwsError LimitExceeded(string message) => ServiceModel.Iam.Error("LimitExceeded", message);

    public static AwsError DeleteConflict(string message) => ServiceModel.Iam.Error("DeleteConflict", message);

    public static AwsError AccessDenied(string message) => new(403, "AccessDenied", message);
}
