using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using Xunit;

namespace DynatraceAws.Core.Tests.Classic;

public class ClassicEnvironmentUrlTests
{
    [Theory]
    [InlineData("https://managed.example.com/e/0a1b2c3d-env", "https://managed.example.com/e/0a1b2c3d-env/", "0a1b2c3d-env")]
    [InlineData("managed.example.com/e/myenv/", "https://managed.example.com/e/myenv/", "myenv")]
    [InlineData("https://activegate.corp:9999/e/abc12345", "https://activegate.corp:9999/e/abc12345/", "abc12345")]
    [InlineData("https://abc12345.live.dynatrace.com", "https://abc12345.live.dynatrace.com/", "abc12345")]
    [InlineData("abc12345.apps.dynatrace.com", "https://abc12345.live.dynatrace.com/", "abc12345")]
    public void Accepts_the_three_shapes_of_seed_001(string input, string baseUri, string environmentId)
    {
        var url = EnvironmentUrl.ParseClassic(input);

        Assert.Equal(baseUri, url.BaseUri.ToString());
        Assert.Equal(environmentId, url.EnvironmentId);
        Assert.True(url.IsClassic);
    }

    [Theory]
    [InlineData("https://managed.example.com/api/v1")]
    [InlineData("https://managed.example.com/e/")]
    [InlineData("https://managed.example.com/e/abc12345/api")]
    [InlineData("https://managed.example.com/e/abc12345?x=1")]
    [InlineData("http://managed.example.com/e/abc12345")]
    public void Refuses_any_other_path_and_plain_http(string input)
    {
        var error = Assert.Throws<InvalidInputException>(() => EnvironmentUrl.ParseClassic(input));
        Assert.Equal("InvalidEnvironmentUrl", error.ErrorId);
    }

    [Fact]
    public void An_environment_id_that_contradicts_the_path_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => EnvironmentUrl.ParseClassic("https://m.example.com/e/abc12345", "other123"));
        Assert.Equal("InvalidEnvironmentId", error.ErrorId);
    }

    [Fact]
    public void The_platform_rules_still_refuse_the_classic_path()
    {
        var error = Assert.Throws<InvalidInputException>(() => EnvironmentUrl.Parse("https://managed.example.com/e/abc12345"));
        Assert.Equal("InvalidEnvironmentUrl", error.ErrorId);
        Assert.False(EnvironmentUrl.Parse("abc12345.live.dynatrace.com").IsClassic);
    }

    [Fact]
    public void DT_API_TOKEN_connects_a_classic_environment_without_Connect()
    {
        using var environment = DynatraceEnvironment.FromEnvironmentVariables(name => name switch
        {
            "DT_ENVIRONMENT_URL" => "https://managed.example.com/e/abc12345",
            "DT_API_TOKEN" => "dt0c01.PUBLIC.secret-value-of-the-api-token",
            _ => null,
        })!;

        Assert.True(environment.IsClassic);
        Assert.Equal("ApiToken", environment.AuthenticationType);
        Assert.Equal("https://managed.example.com/e/abc12345", environment.EnvironmentUrl);
    }
}
