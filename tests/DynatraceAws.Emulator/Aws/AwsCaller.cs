using System.Collections.Generic;

namespace DynatraceAws.Emulator.Aws;

/// <summary>
/// Who signed a request, as STS GetCallerIdentity names them. <see cref="PrincipalArns"/> are the
/// ARNs a trust policy may name them by: the account root for root keys; the role and the session
/// for credentials from AssumeRole.
/// </summary>
internal sealed record AwsCaller(string AccountId, string Arn, string UserId, IReadOnlyList<string> PrincipalArns, bool IsRoleSession)
{
    public static string RootArn(string accountId) => $"arn:aws:iam::{accountId}:root";

    public static AwsCaller Root(string accountId) => new(accountId, RootArn(accountId), accountId, [RootArn(accountId)], false);

    public static AwsCaller RoleSession(string accountId, string roleArn, string roleName, string roleId, string sessionName)
    {
        var sessionArn = $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}";
        return new AwsCaller(accountId, sessionArn, $"{roleId}:{sessionName}", [roleArn, sessionArn], true);
    }
}
