namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>IAM's default quotas, enforced as the real service does and reported by GetAccountSummary.</summary>
internal static class IamQuotas
{
    /// <summary>Non-whitespace characters of a customer-managed policy document.</summary>
    public const int PolicySize = 6144;

    /// <summary>Non-whitespace characters of a role trust policy.</summary>
    public const int AssumeRolePolicySize = 2048;

    public const int VersionsPerPolicy = 5;
    public const int AttachedPoliciesPerRole = 10;
    public const int TagsPerEntity = 50;
    public const int Roles = 1000;
    public const int Policies = 1500;
}
