using System;
using System.IO;
using System.Runtime.InteropServices;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// The pwsh that the repository's tool manifest (.config/dotnet-tools.json) pins, restored by the
/// tests themselves, so every machine that runs dotnet test has it: for the specs that need a
/// process of their own.
/// </summary>
internal static class PwshTool
{
    /// <summary>Restores the tool and returns its pwsh executable, which starts without going through dotnet tool run.</summary>
    public static string Restore()
    {
        Dotnet.Run("tool", "restore");
        var home = Dotnet.Run("tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME").Trim();
        var pwsh = Path.Combine(home, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        if (!File.Exists(pwsh)) throw new FileNotFoundException("The PowerShell tool has no pwsh executable beside its pwsh.dll.", pwsh);
        // The executable finds a runtime where DOTNET_ROOT says, else only where dotnet is installed
        // system-wide: point it at the one running these tests (<root>/shared/Microsoft.NETCore.App/<version>/).
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is null)
            Environment.SetEnvironmentVariable("DOTNET_ROOT", Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")));
        return pwsh;
    }
}
