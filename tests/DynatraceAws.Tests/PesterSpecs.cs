using System;
using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Aws.Organizations;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Tests;

/// <summary>
/// Runs tests/pester against the built module and a live emulator where pwsh with Pester 5 exists;
/// reports itself skipped, with the reason, where not.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public class PesterSpecs
{
    private readonly ITestOutputHelper _output;
    private readonly PublishedModule _module;

    public PesterSpecs(ITestOutputHelper output, PublishedModule module)
    {
        _output = output;
        _module = module;
    }

    [SkippableFact]
    public async Task The_Pester_specs_pass_against_the_built_module()
    {
        var pwsh = Pwsh.Find();
        Skip.If(pwsh is null, "pwsh was not found on PATH (or in DYNATRACEAWS_PWSH): the Pester specs in tests/pester did not run.");
        var (pesterCheck, pesterVersion) = await Pwsh.RunAsync(pwsh!,
            "$m = Get-Module -ListAvailable Pester | Sort-Object Version -Descending | Select-Object -First 1; if ($m.Version.Major -ge 5) { $m.Version.ToString(); exit 0 } else { exit 1 }");
        Skip.If(pesterCheck != 0, "Pester 5 or later is not installed for pwsh: the Pester specs in tests/pester did not run.");
        _output.WriteLine($"pwsh: {pwsh}; Pester {pesterVersion.Trim()}");

        var module = _module.Folder;
        await using var emulator = await EmulatorHost.StartAsync();
        var members = new[] { "200000000001", "200000000002", "200000000003" };
        await OrganizationMembers.AddAsync(emulator, AwsState.DemoAccountId, members);
        emulator.Aws.Organization.Create(AwsState.DemoAccountId);
        var workloads = emulator.Aws.Organization.AddOrganizationalUnit(EmulatedOrganization.RootId, "Workloads");
        foreach (var member in members) emulator.Aws.Organization.AddAccount(workloads, member, "member-" + member[^3..]);
        var (exit, output) = await Pwsh.RunAsync(pwsh!,
            "$c = New-PesterConfiguration; $c.Run.Path = 'tests/pester'; $c.Run.Exit = $true; $c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration $c",
            ("DYNATRACEAWS_MODULE", module),
            ("DYNATRACEAWS_EMULATOR", emulator.BaseUrl.ToString()),
            ("DYNATRACEAWS_TOKEN", DynatraceState.LocalToken));
        _output.WriteLine(output);
        Assert.True(exit == 0, "Pester specs failed:\n" + output);
    }
}
