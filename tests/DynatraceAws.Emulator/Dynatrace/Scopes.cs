namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The platform token scopes the emulated endpoints require.</summary>
public static class Scopes
{
    public const string SettingsRead = "settings:objects:read";
    public const string SettingsWrite = "settings:objects:write";
    public const string ExtensionsRead = "extensions:definitions:read";
    public const string ExtensionsWrite = "extensions:definitions:write";
    public const string ConfigurationsRead = "extensions:configurations:read";
    public const string ConfigurationsWrite = "extensions:configurations:write";

    public static readonly string[] All =
    [
        SettingsRead, SettingsWrite, ExtensionsRead, ExtensionsWrite, ConfigurationsRead, ConfigurationsWrite,
    ];
}
