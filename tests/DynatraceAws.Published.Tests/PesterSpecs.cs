using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Aws.Organizations;
using DynatraceAws.Emulator.Dynatrace;
using DynatraceAws.Tests;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// Runs tests/pester against the published module and a live emulator, with Pester 5 in PowerShell
/// 7.6 hosted in this process: on every machine, CI included. The specs tagged FreshSession start
/// pwsh sessions of their own (an assembly, once loaded, stays loaded): they run where a pwsh
/// exists, and are reported skipped, with the reason, where not.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public class PesterSpecs
{
    private const string FreshSession = "FreshSession";
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
    public Task The_Pester_specs_that_start_their_own_pwsh_sessions_pass()
    {
        var pwsh = Pwsh.Find();
        Skip.If(pwsh is null, $"pwsh was not found on PATH (or in DYNATRACEAWS_PWSH): the Pester specs tagged {FreshSession} (loading beside another AWSSDK.Core, the package saved back from a repository) did not run.");
        return RunAsync(pwsh);
    }

    /// <param name="pwsh">Runs only the specs tagged FreshSession, with this pwsh; null runs all the others.</param>
    private async Task RunAsync(string? pwsh)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        await AddOrganizationAsync(emulator);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_MODULE", _module.Folder);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_EMULATOR", emulator.BaseUrl.ToString());
        Environment.SetEnvironmentVariable("DYNATRACEAWS_TOKEN", DynatraceState.LocalToken);
        Environment.SetEnvironmentVariable("DYNATRACEAWS_PWSH", pwsh);

        using var powershell = PowerShell.Create(InitialSessionState.CreateDefault2());
        powershell.AddScript("""
            param($Pester, $Specs, $FreshSession, $OnlyFreshSession)
            Import-Module $Pester
            $configuration = New-PesterConfiguration
            $configuration.Run.Path = $Specs
            $configuration.Run.PassThru = $true
            $configuration.Output.Verbosity = 'Detailed'
            if ($OnlyFreshSession) { $configuration.Filter.Tag = $FreshSession } else { $configuration.Filter.ExcludeTag = $FreshSession }
            Invoke-Pester -Configuration $configuration
            """)
            .AddParameter("Pester", PesterManifest())
            .AddParameter("Specs", Path.Combine(RepoRoot.Path, "tests", "pester"))
            .AddParameter("FreshSession", FreshSession)
            .AddParameter("OnlyFreshSession", pwsh is not null);

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

    private static async Task AddOrganizationAsync(EmulatorHost emulator)
    {
        var members = new[] { "200000000001", "200000000002", "200000000003" };
        await OrganizationMembers.AddAsync(emulator, AwsState.DemoAccountId, members);
        emulator.Aws.Organization.Create(AwsState.DemoAccountId);
        var workloads = emulator.Aws.Organization.AddOrganizationalUnit(EmulatedOrganization.RootId, "Workloads");
        foreach (var member in members) emulator.Aws.Organization.AddAccount(workloads, member, "member-" + member[^3..]);
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
