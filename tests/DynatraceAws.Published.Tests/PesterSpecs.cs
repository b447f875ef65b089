using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using DynatraceAws.Tests;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// Runs tests/pester against the published module and a live emulator, with Pester 5 in PowerShell
/// 7.6 hosted in this process: on every machine, CI included. The specs that need a fresh process
/// (tagged FreshSession) get one from this assembly's <see cref="SessionHost"/>. Where a pwsh exists
/// they run in it too, with the specs that need pwsh itself (tagged NeedsPwsh); where none exists,
/// that run is reported skipped, with the reason.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public class PesterSpecs
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private readonly ITestOutputHelper _output;
    private readonly PublishedModule _module;

    public PesterSpecs(ITestOutputHelper output, PublishedModule module)
    {
        _output = output;
        _module = module;
    }

    [Fact]
    public Task The_Pester_specs_pass_in_hosted_PowerShell() => RunAsync(pwsh: null);

    [SkippableFact]
    public Task The_Pester_specs_pass_with_pwsh()
    {
        var pwsh = Pwsh.Find();
        Skip.If(pwsh is null, "pwsh was not found on PATH (or in DYNATRACEAWS_PWSH): the Pester specs tagged FreshSession ran in hosted PowerShell only, and those tagged NeedsPwsh (the package published with PSResourceGet and saved back) did not run.");
        return RunAsync(pwsh);
    }

    /// <param name="pwsh">null: every spec but NeedsPwsh, fresh sessions from SessionHost. Else only FreshSession and NeedsPwsh, with this pwsh.</param>
    private async Task RunAsync(string? pwsh)
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        Environment.SetEnvironmentVariable("DYNATRACEAWS_MODULE", _module.Folder);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_EMULATOR", emulator.BaseUrl.ToString());
        Environment.SetEnvironmentVariable("DYNATRACEAWS_TOKEN", emulator.Token);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_SPEC_PWSH", pwsh);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_SESSION_HOST", typeof(SessionHost).Assembly.Location);

        using var powershell = PowerShell.Create(InitialSessionState.CreateDefault2());
        powershell.AddScript("""
            param($Pester, $Specs, $WithPwsh)
            Import-Module $Pester
            $configuration = New-PesterConfiguration
            $configuration.Run.Path = $Specs
            $configuration.Run.PassThru = $true
            $configuration.Output.Verbosity = 'Detailed'
            if ($WithPwsh) { $configuration.Filter.Tag = 'FreshSession', 'NeedsPwsh' } else { $configuration.Filter.ExcludeTag = 'NeedsPwsh' }
            Invoke-Pester -Configuration $configuration
            """)
            .AddParameter("Pester", PesterManifest())
            .AddParameter("Specs", Path.Combine(RepoRoot.Path, "tests", "pester"))
            .AddParameter("WithPwsh", pwsh is not null);

        var run = Task.Run(() => powershell.Invoke());
        if (await Task.WhenAny(run, Task.Delay(Limit)) != run)
        {
            powershell.Stop();
            Assert.Fail($"The Pester specs did not finish within {Limit.TotalMinutes} minutes.\n{Transcript(powershell)}");
        }
        var result = (await run).LastOrDefault();
        var transcript = Transcript(powershell);
        _output.WriteLine(transcript);

        Assert.NotNull(result);
        Assert.True("Passed".Equals(result!.Properties["Result"]?.Value?.ToString(), StringComparison.Ordinal), "Pester specs failed:\n" + transcript);
        Assert.True(Convert.ToInt32(result.Properties["PassedCount"].Value) > 0, "No Pester spec ran:\n" + transcript);
    }

    /// <summary>Pester as restored for this project (PackageDownload), by the path MSBuild recorded.</summary>
    private static string PesterManifest()
    {
        var path = typeof(PesterSpecs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PesterManifest").Value!;
        Assert.True(File.Exists(path), $"Pester was not restored to {path}: run dotnet restore.");
        return path;
    }

    /// <summary>What Pester wrote to the host (the information stream, when hosted) and any error.</summary>
    private static string Transcript(PowerShell powershell)
    {
        var text = new StringBuilder();
        foreach (var record in powershell.Streams.Information)
        {
            if (record.MessageData is HostInformationMessage { NoNewLine: true } part) text.Append(part.Message);
            else text.AppendLine(record.MessageData?.ToString());
        }
        foreach (var error in powershell.Streams.Error) text.AppendLine("ERROR: " + error);
        return text.ToString();
    }
}
