using System;
using System.IO;
using System.Linq;

namespace DynatraceAws.Published.Tests;

/// <summary>Finds a pwsh executable, for the specs that need sessions of their own.</summary>
internal static class Pwsh
{
    /// <summary>DYNATRACEAWS_PWSH, else pwsh on PATH, else null.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("DYNATRACEAWS_PWSH");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        var name = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
