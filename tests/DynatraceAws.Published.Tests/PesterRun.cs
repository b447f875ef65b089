using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Threading.Tasks;
using DynatraceAws.Tests;

namespace DynatraceAws.Published.Tests;

/// <summary>The outcome of one It: Passed, Failed, Skipped, NotRun or Inconclusive, and why when it did not pass.</summary>
internal sealed record PesterResult(string Result, string? Reason);

/// <summary>
/// tests/pester through PesterCases.ps1, with Pester 5 in PowerShell 7.6 hosted in this process:
/// the names of its Its, and one run of them all against the published module and an emulator
/// process, with the pwsh of the tool manifest for the specs that need a process of their own
/// (FreshSession, NeedsPwsh).
/// </summary>
internal static class PesterRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private static readonly object Gate = new();
    private static Task<IReadOnlyDictionary<string, PesterResult>>? s_results;

    /// <summary>Each It's file and Describe/Context/It path, as Pester's discovery finds them.</summary>
    public static IReadOnlyList<string> Discover()
    {
        var names = Invoke(discover: true).Select(c => c.Name).ToArray();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0) throw new InvalidOperationException("Each Pester It needs a name of its own; these repeat: " + string.Join("; ", repeated));
        return names;
    }

    /// <summary>The results of every It, by name, from one run that the first caller starts.</summary>
    public static Task<IReadOnlyDictionary<string, PesterResult>> ResultsAsync(string module)
    {
        lock (Gate) return s_results ??= RunAsync(module);
    }

    private static async Task<IReadOnlyDictionary<string, PesterResult>> RunAsync(string module)
    {
        Environment.SetEnvironmentVariable("DYNATRACEAWS_SPEC_PWSH", PwshTool.Restore());
        await using var emulator = await EmulatorProcess.StartAsync();
        Environment.SetEnvironmentVariable("DYNATRACEAWS_MODULE", module);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_EMULATOR", emulator.BaseUrl.ToString());
        Environment.SetEnvironmentVariable("DYNATRACEAWS_TOKEN", emulator.Token);
        // For a spec that starts an emulator of its own, as the README's quick start does.
        Environment.SetEnvironmentVariable("DYNATRACEAWS_EMULATOR_DLL", EmulatorProcess.Dll);

        var run = Task.Run(() => Invoke(discover: false));
        if (await Task.WhenAny(run, Task.Delay(Limit)) != run)
            throw new TimeoutException($"The Pester specs did not finish within {Limit.TotalMinutes} minutes.");
        return (await run).ToDictionary(c => c.Name, c => new PesterResult(c.Result, c.Reason));
    }

    private static IReadOnlyList<(string Name, string Result, string? Reason)> Invoke(bool discover)
    {
        using var powershell = PowerShell.Create(InitialSessionState.CreateDefault2());
        powershell.AddCommand(Path.Combine(RepoRoot.Path, "tests", "DynatraceAws.Published.Tests", "PesterCases.ps1"))
            .AddParameter("Pester", PesterManifest())
            .AddParameter("Specs", Path.Combine(RepoRoot.Path, "tests", "pester"))
            .AddParameter("Discover", discover);
        var cases = powershell.Invoke()
            .Select(o => ((string)o.Properties["Name"].Value, (string)o.Properties["Result"].Value, o.Properties["Reason"].Value as string))
            .ToArray();
        // Errors the specs let through (a native command's stderr) fail no case by themselves; no case at all is a failure.
        if (cases.Length == 0)
            throw new InvalidOperationException($"Pester could not {(discover ? "discover" : "run")} the specs:\n{string.Join("\n", powershell.Streams.Error)}");
        return cases;
    }

    /// <summary>Pester as restored for this project (PackageDownload), by the path MSBuild recorded.</summary>
    private static string PesterManifest()
    {
        var path = typeof(PesterRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PesterManifest").Value!;
        if (!File.Exists(path)) throw new FileNotFoundException($"Pester was not restored to {path}: run dotnet restore.", path);
        return path;
    }
}
