using System.Collections.Generic;

namespace DynatraceAws.Emulator.Aws;

/// <summary>A role as it is stored now: the trust policy as sent, tags by case-insensitive key, attached policies in attach order.</summary>
public sealed record IamRoleSnapshot(
    string Name,
    string Arn,
    string Path,
    string TrustPolicy,
    string? Description,
    string? PermissionsBoundaryArn,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> AttachedPolicyArns);
