namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The scope the platform tokens API demands, on which the sources disagree: the docs name
/// account-idm-read to list and account-idm-write to create and delete; the API spec names
/// platform-token:tokens:manage for all three; dtctl asks platform-token:tokens:manage to list and
/// revoke and platform-token:tokens:write to create. <see cref="Any"/> accepts every one of them.
/// </summary>
public enum PlatformTokenScopes
{
    Any,
    Docs,
    Spec,
    Dtctl,
}

internal static class PlatformTokenScopeReading
{
    public static string[] ToList(PlatformTokenScopes reading) => reading switch
    {
        PlatformTokenScopes.Docs => [AccountScopes.IdentitiesRead],
        PlatformTokenScopes.Spec or PlatformTokenScopes.Dtctl => [AccountScopes.PlatformTokensManage],
        _ => [AccountScopes.IdentitiesRead, AccountScopes.PlatformTokensManage],
    };

    public static string[] ToCreate(PlatformTokenScopes reading) => reading switch
    {
        PlatformTokenScopes.Docs => [AccountScopes.IdentitiesWrite],
        PlatformTokenScopes.Spec => [AccountScopes.PlatformTokensManage],
        PlatformTokenScopes.Dtctl => [AccountScopes.PlatformTokensWrite],
        _ => [AccountScopes.IdentitiesWrite, AccountScopes.PlatformTokensManage, AccountScopes.PlatformTokensWrite],
    };

    public static string[] ToDelete(PlatformTokenScopes reading) => reading switch
    {
        PlatformTokenScopes.Docs => [AccountScopes.IdentitiesWrite],
        PlatformTokenScopes.Spec or PlatformTokenScopes.Dtctl => [AccountScopes.PlatformTokensManage],
        _ => [AccountScopes.IdentitiesWrite, AccountScopes.PlatformTokensManage],
    };
}
