using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using Xunit;

namespace DynatraceAws.Core.Tests.Dynatrace;

public class EnvironmentUrlTests
{
    [Theory]
    [InlineData("abc12345.apps.dynatrace.com", "https://abc12345.apps.dynatrace.com/", "abc12345")]
    [InlineData("https://abc12345.apps.dynatrace.com", "https://abc12345.apps.dynatrace.com/", "abc12345")]
    [InlineData("https://abc12345.apps.dynatrace.com/", "https://abc12345.apps.dynatrace.com/", "abc12345")]
    [InlineData("  ABC12345.Apps.Dynatrace.com/ ", "https://abc12345.apps.dynatrace.com/", "abc12345")]
    [InlineData("https://abc12345.live.dynatrace.com", "https://abc12345.apps.dynatrace.com/", "abc12345")]
    [InlineData("xyz987.sprint.apps.dynatracelabs.com", "https://xyz987.sprint.apps.dynatracelabs.com/", "xyz987")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/", "local")]
    [InlineData("http://localhost:8080/", "http://localhost:8080/", "local")]
    public void Normalises_accepted_shapes(string input, string expected, string environmentId)
    {
        var url = EnvironmentUrl.Parse(input);
        Assert.Equal(expected, url.BaseUri.ToString());
        Assert.Equal(environmentId, url.EnvironmentId);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("http://abc12345.apps.dynatrace.com", "uses http")]
    [InlineData("ftp://abc12345.apps.dynatrace.com", "ftp")]
    [InlineData("https://abc12345.apps.dynatrace.com/e/xyz", "has a path")]
    [InlineData("https://abc12345.apps.dynatrace.com/?a=1", "has a path or query")]
    [InlineData("https://user:pass@abc12345.apps.dynatrace.com", "contains credentials")]
    [InlineData("https://exa mple.com", "is not a valid address")]
    public void Rejects_bad_addresses_naming_the_field(string input, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => EnvironmentUrl.Parse(input));
        Assert.Equal("InvalidEnvironmentUrl", error.ErrorId);
        Assert.Equal("EnvironmentUrl", error.Field);
        Assert.Contains(problem, error.Message);
        Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
    }

    [Fact]
    public void Production_is_told_apart_from_sprint_and_dev()
    {
        Assert.True(EnvironmentUrl.Parse("abc12345.apps.dynatrace.com").IsProduction);
        Assert.False(EnvironmentUrl.Parse("abc12345.sprint.apps.dynatracelabs.com").IsProduction);
    }

    [Fact]
    public void An_explicit_environment_id_wins_and_is_checked()
    {
        Assert.Equal("abc12345", EnvironmentUrl.Parse("http://127.0.0.1:1", "abc12345").EnvironmentId);
        var error = Assert.Throws<InvalidInputException>(() => EnvironmentUrl.Parse("http://127.0.0.1:1", "a b"));
        Assert.Equal("EnvironmentId", error.Field);
    }
}
