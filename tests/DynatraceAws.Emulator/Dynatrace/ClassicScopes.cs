namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The access token scopes of the classic config v1 API.</summary>
public static class ClassicScopes
{
    public const string ReadConfig = "ReadConfig";
    public const string WriteConfig = "WriteConfig";

    public static readonly string[] All = [ReadConfig, WriteConfig];
}
