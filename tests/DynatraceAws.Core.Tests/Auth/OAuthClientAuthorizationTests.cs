using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Auth;

public class OAuthClientAuthorizationTests : OAuthTest
{
    [Fact]
    public async Task Fifty_concurrent_callers_share_one_token_request()
    {
        RegisterClient(Scopes.All);
        using var environment = ConnectOAuth();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => new AwsConnections(environment, Log, Retry).ListAsync(CancellationToken.None))));

        Assert.Equal(1, Emulator.Dynatrace.TokensIssued);
        Assert.Equal(1, TokenRequests);
    }

    [Fact]
    public async Task The_token_is_reused_until_thirty_seconds_before_expiry_then_refreshed()
    {
        RegisterClient(Scopes.All);
        var now = DateTimeOffset.UtcNow;
        using var authorization = Authorization(now: () => now);

        var first = await authorization.HeaderValueAsync(CancellationToken.None);
        now += TimeSpan.FromSeconds(269);
        Assert.Equal(first, await authorization.HeaderValueAsync(CancellationToken.None));
        now += TimeSpan.FromSeconds(2);
        var second = await authorization.HeaderValueAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, Emulator.Dynatrace.TokensIssued);
    }

    [Fact]
    public async Task A_token_expired_on_the_server_is_renewed_once_and_the_call_succeeds()
    {
        RegisterClient(Scopes.All);
        using var environment = ConnectOAuth();
        var connections = new AwsConnections(environment, Log, Retry);
        await connections.ListAsync(CancellationToken.None);

        Emulator.Dynatrace.ExpireIssuedTokens();
        await connections.ListAsync(CancellationToken.None);

        Assert.Equal(2, Emulator.Dynatrace.TokensIssued);
        Assert.True(Log.Has("DEBUG", "the access token expired"));
    }

    [Fact]
    public async Task A_wrong_secret_is_OAuthInvalidClient_without_the_secret_anywhere()
    {
        RegisterClient(Scopes.All);
        using var environment = ConnectOAuth(secret: "dt0s02.TESTCLIENT.WRONGSECRETPART-typo");

        var error = await Assert.ThrowsAsync<OAuthTokenException>(() =>
            new AwsConnections(environment, Log, Retry).ListAsync(CancellationToken.None));

        Assert.Equal("OAuthInvalidClient", error.ErrorId);
        Assert.Equal(FailureCategory.AuthenticationError, error.Category);
        Assert.Equal(401, error.StatusCode);
        Assert.NotNull(error.RecommendedAction);
        Assert.DoesNotContain(SecretMarker, error.ToString() + error.RecommendedAction + string.Join("", Log.Messages));
        Assert.Equal(1, TokenRequests);
    }

    [Fact]
    public async Task A_scope_the_client_does_not_hold_is_OAuthInvalidScope_naming_the_scopes()
    {
        RegisterClient(Scopes.SettingsRead, Scopes.SettingsWrite);
        using var environment = ConnectOAuth();

        var error = await Assert.ThrowsAsync<OAuthTokenException>(() =>
            new AwsConnections(environment, Log, Retry).ListAsync(CancellationToken.None));

        Assert.Equal("OAuthInvalidScope", error.ErrorId);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains(Scopes.ConfigurationsWrite, error.RecommendedAction);
        Assert.DoesNotContain(SecretMarker, error.ToString());
    }

    [Fact]
    public async Task The_token_carries_only_the_requested_scopes()
    {
        RegisterClient(Scopes.All);
        using var environment = ConnectOAuth(scopes: new[] { Scopes.SettingsRead });

        var error = await Assert.ThrowsAsync<DynatraceApiException>(() =>
            new AwsConnections(environment, Log, Retry).CreateAsync("prod", "123456789012", CancellationToken.None));

        Assert.Equal("DynatraceForbidden", error.ErrorId);
        Assert.Equal(new[] { Scopes.SettingsWrite }, error.MissingScopes);
    }

    [Fact]
    public void Environment_variables_with_a_client_make_an_OAuth_connection()
    {
        var variables = new System.Collections.Generic.Dictionary<string, string>
        {
            ["DT_ENVIRONMENT_URL"] = "abc12345.apps.dynatrace.com",
            ["DT_CLIENT_ID"] = ClientId,
            ["DT_CLIENT_SECRET"] = ClientSecret,
        };
        using var environment = DynatraceEnvironment.FromEnvironmentVariables(name => variables.TryGetValue(name, out var v) ? v : null)!;

        Assert.Equal("OAuthClient", environment.AuthenticationType);
        variables.Remove("DT_CLIENT_SECRET");
        var error = Assert.Throws<InvalidInputException>(() =>
            DynatraceEnvironment.FromEnvironmentVariables(name => variables.TryGetValue(name, out var v) ? v : null));
        Assert.Equal("MissingClientSecret", error.ErrorId);
        Assert.Equal("DT_CLIENT_SECRET is not set", error.Message);
    }
}
