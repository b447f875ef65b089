using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Dynatrace;

public class AuthAndRetryTests : EmulatorTest
{
    [Fact]
    public async Task An_unknown_token_is_DynatraceUnauthorized_and_the_token_is_not_in_the_message()
    {
        using var environment = Connect("dt0s16.WRONGTOKEN.notknownatall");
        var error = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            new AwsConnections(environment, Log, Retry).ListAsync(CancellationToken.None));
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("DynatraceUnauthorized", error.ErrorId);
        Assert.Equal(FailureCategory.AuthenticationError, error.Category);
        Assert.DoesNotContain("WRONGTOKEN", error.Message + error.RecommendedAction + string.Join("", Log.Messages));
    }

    [Fact]
    public async Task A_missing_scope_is_DynatraceForbidden_naming_the_scope()
    {
        Emulator.Dynatrace.AddToken("dt0s16.READONLY.token", "settings:objects:read");
        using var environment = Connect("dt0s16.READONLY.token");
        var error = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            new AwsConnections(environment, Log, Retry).CreateAsync("prod", "123456789012", CancellationToken.None));
        Assert.Equal("DynatraceForbidden", error.ErrorId);
        Assert.Equal(new[] { "settings:objects:write" }, error.MissingScopes);
        Assert.Contains("settings:objects:write", error.RecommendedAction);
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequestsRetryAfter)]
    [InlineData(FaultKind.TooManyRequestsRateLimitReset)]
    [InlineData(FaultKind.TooManyRequestsBare)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.BadGateway)]
    [InlineData(FaultKind.GatewayTimeout)]
    [InlineData(FaultKind.DropConnection)]
    public async Task Recovers_from_transient_failures(FaultKind kind)
    {
        Emulator.Faults.Add(new FaultRule { Kind = kind, Service = "dynatrace", Remaining = 2 });
        var retries = 0;
        Retry.Retrying += _ => Interlocked.Increment(ref retries);

        var created = await new AwsConnections(Environment, Log, Retry).EnsureAsync("prod", "123456789012", CancellationToken.None);

        Assert.Equal("prod", created.Item.ConnectionName);
        Assert.Equal(2, retries);
        Assert.Single(Emulator.Dynatrace.Connections);
        Assert.Equal(2, Log.Messages.Count(m => m.StartsWith("VERBOSE") && m.Contains("Trying again in")));
    }

    [Fact]
    public async Task A_slow_response_times_out_and_is_retried()
    {
        using var environment = new DynatraceEnvironment(EnvironmentUrl.Parse(Emulator.BaseUrl.ToString(), "abc12345"),
            new PlatformTokenAuthorization(Secure(DynatraceAws.Emulator.Dynatrace.DynatraceState.LocalToken)),
            requestTimeout: System.TimeSpan.FromMilliseconds(300));
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "dynatrace", Remaining = 1, Delay = System.TimeSpan.FromSeconds(2) });

        var list = await new AwsConnections(environment, Log, Retry).ListAsync(CancellationToken.None);

        Assert.Empty(list);
        Assert.True(Log.Has("DEBUG", "timed out"));
    }

    [Fact]
    public async Task Debug_tracing_names_method_path_and_status_but_never_the_token()
    {
        await new AwsConnections(Environment, Log, Retry).ListAsync(CancellationToken.None);
        var trace = Assert.Single(Log.Messages, m => m.StartsWith("DEBUG"));
        Assert.Contains("GET platform/classic/environment-api/v2/settings/objects", trace);
        Assert.Contains("-> 200", trace);
        Assert.DoesNotContain("local-token", string.Join("", Log.Messages));
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("http://sso.example.com/token")]
    public void A_bad_DT_TOKEN_ENDPOINT_is_InvalidEndpoint_naming_the_variable(string endpoint)
    {
        var vars = new Dictionary<string, string?>
        {
            ["DT_ENVIRONMENT_URL"] = "abc12345.apps.dynatrace.com", ["DT_CLIENT_ID"] = "dt0s02.CLIENT", ["DT_CLIENT_SECRET"] = "dt0s02.CLIENT.SECRETVALUE",
            ["DT_TOKEN_ENDPOINT"] = endpoint,
        };
        var error = Assert.Throws<InvalidInputException>(() => DynatraceEnvironment.FromEnvironmentVariables(n => vars.TryGetValue(n, out var v) ? v : null));
        Assert.Equal(("InvalidEndpoint", "DT_TOKEN_ENDPOINT"), (error.ErrorId, error.Field));
    }

    [Fact]
    public void The_CI_variables_make_a_connection_without_Connect()
    {
        var vars = new Dictionary<string, string?>
        {
            ["DT_ENVIRONMENT_URL"] = "abc12345.live.dynatrace.com", ["DT_PLATFORM_TOKEN"] = "dt0s16.CI.token",
        };
        using var environment = DynatraceEnvironment.FromEnvironmentVariables(n => vars.TryGetValue(n, out var v) ? v : null)!;
        Assert.Equal("https://abc12345.apps.dynatrace.com", environment.EnvironmentUrl);
        Assert.Equal("PlatformToken", environment.AuthenticationType);

        vars["DT_PLATFORM_TOKEN"] = null;
        Assert.Equal("DT_PLATFORM_TOKEN", Assert.Throws<InvalidInputException>(() => DynatraceEnvironment.FromEnvironmentVariables(n => vars.TryGetValue(n, out var v) ? v : null)).Field);
        Assert.Null(DynatraceEnvironment.FromEnvironmentVariables(_ => null));
    }

    [Theory]
    [InlineData("DT_PLATFORM_TOKEN", "dt0s16.CI.token")]
    [InlineData("DT_API_TOKEN", "dt0c01.CI.token")]
    [InlineData("DT_CLIENT_ID", "dt0s02.CI")]
    public void DT_ENVIRONMENT_ID_names_the_environment_of_an_address_that_does_not(string credential, string value)
    {
        var vars = new Dictionary<string, string?>
        {
            ["DT_ENVIRONMENT_URL"] = "https://dynatrace.example.com",
            [credential] = value,
            ["DT_CLIENT_SECRET"] = "dt0s02.CI.client-secret",
            ["DT_ENVIRONMENT_ID"] = " xyz98765 ",
        };

        using var environment = DynatraceEnvironment.FromEnvironmentVariables(n => vars.TryGetValue(n, out var v) ? v : null)!;

        Assert.Equal("xyz98765", environment.EnvironmentId);
    }
}
