using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class ExtensionInstallTests : IClassFixture<EmulatorWithoutDaAwsFixture>
{
    private const string DaAws = DynatraceApi.Extensions + "/com.dynatrace.extension.da-aws";
    private readonly EmulatorWithoutDaAwsFixture _emulator;

    public ExtensionInstallTests(EmulatorWithoutDaAwsFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Installing_from_the_hub_activates_the_newest_version_and_repeating_it_changes_nothing()
    {
        var first = await _emulator.Api.PostAsync(DaAws, null);
        var again = await _emulator.Api.PostAsync(DaAws, null);
        var unknown = await _emulator.Api.PostAsync(DynatraceApi.Extensions + "/com.dynatrace.extension.unknown", null);
        var unknownVersion = await _emulator.Api.PostAsync(DaAws + "?version=9.9.9", null);
        var configurations = await _emulator.Api.GetAsync(DynatraceApi.Configurations);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal("""{"extensionName":"com.dynatrace.extension.da-aws","version":"1.0.5"}""", first.Body.GetRawText());
        Assert.Equal(first.Body.GetRawText(), again.Body.GetRawText());
        var installed = _emulator.Dynatrace.FindExtension("com.dynatrace.extension.da-aws")!;
        Assert.Equal(["1.0.5"], installed.Versions);
        Assert.Equal("1.0.5", installed.ActiveVersion);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownVersion.Status);
        Assert.Equal("""{"items":[],"totalCount":0}""", configurations.Body.GetRawText());
    }
}
