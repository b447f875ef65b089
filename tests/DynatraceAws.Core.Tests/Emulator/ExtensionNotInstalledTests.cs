using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class ExtensionNotInstalledTests : IClassFixture<EmulatorWithoutDaAwsFixture>
{
    private readonly EmulatorWithoutDaAwsFixture _emulator;

    public ExtensionNotInstalledTests(EmulatorWithoutDaAwsFixture emulator) => _emulator = emulator;

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "")]
    [InlineData("GET", "/5c1337ed-0000-4000-8000-f8a20f99cade")]
    [InlineData("PUT", "/5c1337ed-0000-4000-8000-f8a20f99cade")]
    [InlineData("DELETE", "/5c1337ed-0000-4000-8000-f8a20f99cade")]
    [InlineData("GET", "/5c1337ed-0000-4000-8000-f8a20f99cade/status")]
    public async Task Every_monitoring_configuration_endpoint_answers_404(string method, string suffix)
    {
        var body = method is "POST" or "PUT" ? Payloads.Configuration("any", "123456789012") : null;

        var response = await _emulator.Api.SendAsync(new HttpMethod(method), DynatraceApi.Configurations + suffix, body);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(404, response.Body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_extension_list_is_empty_and_its_versions_are_404()
    {
        var list = await _emulator.Api.GetAsync($"{DynatraceApi.Extensions}?filter=name='com.dynatrace.extension.da-aws'&add-fields=activeVersion");
        var versions = await _emulator.Api.GetAsync($"{DynatraceApi.Extensions}/com.dynatrace.extension.da-aws");

        Assert.Equal("""{"items":[],"totalCount":0}""", list.Body.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, versions.Status);
    }
}
