using System;
using System.Diagnostics;
using DynatraceAws.Tests;

namespace DynatraceAws.Published.Tests;

/// <summary>The dotnet CLI, run from the repository root, as the README's commands are.</summary>
internal static class Dotnet
{
    /// <returns>What the command wrote to standard output.</returns>
    /// <exception cref="InvalidOperationException">The command failed; the message has all it wrote.</exception>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stdout}{stderr.Result}");
        return stdout;
    }
}
