using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Tests;

/// <summary>
/// Runs tests/pester against the built module and a live emulator where pwsh with Pester 5 exists;
/// reports itself skipped, with the reason, where not.
/// </summary>
public class PesterSpecs
{
    private readonly ITestOutputHelper _output;

    public PesterSpecs(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task The_Pester_specs_pass_against_the_built_module()
    {
        var pwsh = Pwsh.Find();
        Skip.If(pwsh is null, "pwsh was not found on PATH (or in DYNATRACEAWS_PWSH): the Pester specs in tests/pester did not run.");
        var (pesterCheck, pesterVersion) = await Pwsh.RunAsync(pwsh!,
            "$m = Get-Module -ListAvailable Pester | Sort-Object Version -Descending | Select-Object -First 1; if ($m.Version.Major -ge 5) { $m.Version.ToString(); exit 0 } else { exit 1 }");
        Skip.If(pesterCheck != 0, "Pester 5 or later is not installed for pwsh: the Pester specs in tests/pester did not run.");
        _output.WriteLine($"pwsh: {pwsh}; Pester {pesterVersion.Trim()}");

        var module = Publish();
        await using var emulator = await EmulatorHost.StartAsync();
        var (exit, output) = await Pwsh.RunAsync(pwsh!,
            "$c = New-PesterConfiguration; $c.Run.Path = 'tests/pester'; $c.Run.Exit = $true; $c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration $c",
            ("DYNATRACEAWS_MODULE", module),
            ("DYNATRACEAWS_EMULATOR", emulator.BaseUrl.ToString()),
            ("DYNATRACEAWS_TOKEN", DynatraceState.LocalToken));
        _output.WriteLine(output);
        Assert.True(exit == 0, "Pester specs failed:\n" + output);
    }

    /// <summary>The README's build, into a fresh folder: the module exactly as a user gets it.</summary>
    private string Publish()
    {
        var folder = Path.Combine(Path.GetTempPath(), "DynatraceAws-pester-" + Guid.NewGuid().ToString("N")[..8], "DynatraceAws");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        foreach (var argument in new[] { "publish", "src/DynatraceAws", "-c", "Release", "-o", folder, "--nologo" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "dotnet publish failed:\n" + output);
        return folder;
    }
}
