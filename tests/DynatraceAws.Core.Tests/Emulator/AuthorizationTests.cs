using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class AuthorizationTests : IClassFixture<EmulatorFixture>
{
    private const string Settings = DynatraceApi.Settings;
    private const string Extensions = DynatraceApi.Extensions;
    private const string Configurations = DynatraceApi.Configurations;
    private readonly EmulatorFixture _emulator;

    public AuthorizationTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [InlineData(null)]
    [InlineData("dt0s16.UNKNOWN.token")]
    public async Task Without_a_known_bearer_token_every_endpoint_answers_401(string? token)
    {
        foreach (var path in new[] { Settings + "?schemaIds=" + Payloads.SchemaId, Extensions, Configurations, "platform/unknown" })
        {
            var response = await _emulator.Api.GetAsync(path, token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal("application/json", response.MediaType);
            Assert.Equal("""{"error":{"code":401,"message":"Unauthorized"}}""", response.Body.GetRawText());
        }
    }

    [Theory]
    [InlineData("GET", Settings + "?schemaIds=" + Payloads.SchemaId, Scopes.SettingsRead)]
    [InlineData("GET", Settings + "/some-id", Scopes.SettingsRead)]
    [InlineData("POST", Settings, Scopes.SettingsWrite)]
    [InlineData("PUT", Settings + "/some-id", Scopes.SettingsWrite)]
    [InlineData("DELETE", Settings + "/some-id", Scopes.SettingsWrite)]
    [InlineData("GET", Extensions, Scopes.ExtensionsRead)]
    [InlineData("GET", Extensions + "/com.dynatrace.extension.da-aws", Scopes.ExtensionsRead)]
    [InlineData("POST", Extensions + "/com.dynatrace.extension.da-aws", Scopes.ExtensionsWrite)]
    [InlineData("GET", Configurations, Scopes.ConfigurationsRead)]
    [InlineData("GET", Configurations + "/some-id", Scopes.ConfigurationsRead)]
    [InlineData("GET", Configurations + "/some-id/status", Scopes.ConfigurationsRead)]
    [InlineData("POST", Configurations, Scopes.ConfigurationsWrite)]
    [InlineData("PUT", Configurations + "/some-id", Scopes.ConfigurationsWrite)]
    [InlineData("DELETE", Configurations + "/some-id", Scopes.ConfigurationsWrite)]
    public async Task A_token_without_the_endpoint_scope_gets_403_naming_it(string method, string path, string scope)
    {
        var token = $"dt0s16.LACKS.{scope}";
        _emulator.Dynatrace.AddToken(token, Scopes.All.Where(s => s != scope).ToArray());

        var response = await _emulator.Api.SendAsync(new HttpMethod(method), path, null, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(
            "{\"error\":{\"code\":403,\"message\":\"Insufficient permissions.\",\"details\":{\"missingScopes\":[\"" + scope + "\"]}}}",
            response.Body.GetRawText());
    }

    [Fact]
    public async Task The_classic_Api_Token_scheme_is_not_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _emulator.Host.BaseUrl + Extensions);
        request.Headers.TryAddWithoutValidation("Authorization", "Api-Token " + DynatraceState.LocalToken);
        using var http = new HttpClient();

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
