using System.Collections.Generic;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Iam;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Sts;

/// <summary>The STS actions: who am I, and AssumeRole under the role's trust policy.</summary>
internal static class StsOperations
{
    private const int DefaultDurationSeconds = 3600;
    private const int RoleChainingLimitSeconds = 3600;
    private static readonly StringRule RoleArn = ServiceModel.Sts.String("AssumeRole", "RoleArn");
    private static readonly StringRule RoleSessionName = ServiceModel.Sts.String("AssumeRole", "RoleSessionName");
    private static readonly StringRule ExternalId = ServiceModel.Sts.String("AssumeRole", "ExternalId");
    private static readonly (int Min, int Max) Duration = ServiceModel.Sts.Range("AssumeRole", "DurationSeconds");

    public static IReadOnlyList<XElement> GetCallerIdentity(AwsCall call) =>
    [
        new XElement("Arn", call.Caller.Arn),
        new XElement("UserId", call.Caller.UserId),
        new XElement("Account", call.Caller.AccountId),
    ];

    /// <summary>
    /// AWS answers a role that does not exist exactly as one that does not trust the caller, so
    /// that nobody learns which roles exist.
    /// </summary>
    public static IReadOnlyList<XElement> AssumeRole(AwsCall call)
    {
        var parameters = call.Parameters;
        var roleArn = parameters.Required("RoleArn", RoleArn);
        var sessionName = parameters.Required("RoleSessionName", RoleSessionName);
        var externalId = parameters.Optional("ExternalId", ExternalId);
        var duration = parameters.OptionalInt("DurationSeconds", Duration.Min, Duration.Max) ?? DefaultDurationSeconds;

        var caller = call.Caller;
        var role = call.State.FindRole(roleArn);
        if (role is null || !TrustPolicy.Allows(role.TrustPolicy, caller.AccountId, caller.PrincipalArns, externalId))
            throw AwsError.AccessDenied($"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        if (duration > role.MaxSessionDuration)
            throw AwsError.Validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        if (caller.IsRoleSession && duration > RoleChainingLimitSeconds)
            throw AwsError.Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");

        var expiration = call.Now.AddSeconds(duration);
        var key = call.State.IssueSessionKey(role, sessionName, expiration);
        return
        [
            new XElement("Credentials",
                new XElement("AccessKeyId", key.AccessKeyId),
                new XElement("SecretAccessKey", key.SecretAccessKey),
                new XElement("SessionToken", key.SessionToken),
                new XElement("Expiration", AwsXml.Timestamp(expiration))),
            new XElement("AssumedRoleUser",
                new XElement("AssumedRoleId", key.Caller.UserId),
                new XElement("Arn", key.Caller.Arn)),
        ];
    }
}
