using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class ExtensionVersionsTests : EmulatorTest
{
    [Fact]
    public async Task Reads_the_active_and_newest_version_once_per_session()
    {
        var versions = new ExtensionVersions(Environment, Log, Retry);
        var first = await versions.GetAsync(ExtensionVersions.DaAws, CancellationToken.None);
        var second = await versions.GetAsync(ExtensionVersions.DaAws, CancellationToken.None);

        var installed = Emulator.Dynatrace.FindExtension(ExtensionVersions.DaAws)!;
        Assert.Equal(installed.ActiveVersion, first.ActiveVersion);
        Assert.Same(first, second);
        Assert.Single(Emulator.Log.Entries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_active_extension_with_no_version_asked_is_already_installed_and_nothing_is_sent(string? version)
    {
        var versions = new ExtensionVersions(Environment, Log, Retry);
        var active = Emulator.Dynatrace.FindExtension(ExtensionVersions.DaAws)!.ActiveVersion;

        var plan = await versions.PlanInstallAsync(ExtensionVersions.DaAws, version, CancellationToken.None);
        var installed = await plan.ApplyAsync(CancellationToken.None);

        Assert.False(plan.HasChanges);
        Assert.Equal(active, installed.ActiveVersion);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task Another_version_is_planned_as_the_active_version_changing_and_nothing_is_sent()
    {
        var versions = new ExtensionVersions(Environment, Log, Retry);
        var active = Emulator.Dynatrace.FindExtension(ExtensionVersions.DaAws)!.ActiveVersion;

        var plan = await versions.PlanInstallAsync(ExtensionVersions.DaAws, "0.0.1", CancellationToken.None);

        Assert.Equal($"Dynatrace: update active version of extension {ExtensionVersions.DaAws}: {active} -> 0.0.1", Assert.Single(plan.Changes).ToString());
        Assert.Empty(Emulator.Log.Writes);
    }
}

public class ExtensionMissingTests : EmulatorTest
{
    protected override EmulatorOptions Options => new() { InstallDaAwsExtension = false };

    [Fact]
    public async Task A_missing_extension_names_Install_DtExtension_which_adds_it()
    {
        var versions = new ExtensionVersions(Environment, Log, Retry);
        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => versions.GetAsync(ExtensionVersions.DaAws, CancellationToken.None));
        Assert.Equal("ExtensionNotInstalled", error.ErrorId);
        Assert.Contains("Install-DtExtension", error.RecommendedAction);

        var plan = await versions.PlanInstallAsync(ExtensionVersions.DaAws, null, CancellationToken.None);
        Assert.Equal($"Dynatrace: create extension {ExtensionVersions.DaAws} (the newest version)", Assert.Single(plan.Changes).ToString());
        Assert.Empty(Emulator.Log.Writes);
        var installed = await plan.ApplyAsync(CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(installed.ActiveVersion));
        Assert.NotNull(Emulator.Dynatrace.FindExtension(ExtensionVersions.DaAws));
    }
}
