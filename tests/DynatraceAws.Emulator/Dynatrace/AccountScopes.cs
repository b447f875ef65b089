namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The OAuth scopes the account management endpoints accept (CORE spec x-token-scopes).</summary>
public static class AccountScopes
{
    public const string PoliciesManagement = "iam-policies-management";
    public const string PoliciesRead = "iam:policies:read";
    public const string PoliciesWrite = "iam:policies:write";
    public const string BindingsRead = "iam:bindings:read";
    public const string BindingsWrite = "iam:bindings:write";
    public const string IdentitiesRead = "account-idm-read";
    public const string IdentitiesWrite = "account-idm-write";
    public const string PlatformTokensManage = "platform-token:tokens:manage";
    public const string PlatformTokensWrite = "platform-token:tokens:write";

    public static readonly string[] All =
    [
        PoliciesManagement, PoliciesRead, PoliciesWrite, BindingsRead, BindingsWrite, IdentitiesRead, IdentitiesWrite, PlatformTokensManage,
        PlatformTokensWrite,
    ];
}
