using System;
using System.Linq;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Core.Tests.Auth;

/// <summary>The emulator, with an OAuth client whose secret the tests look for in every message.</summary>
public abstract class OAuthTest : EmulatorTest
{
    protected const string ClientId = "dt0s02.TESTCLIENT";
    protected const string ClientSecret = "dt0s02.TESTCLIENT.SECRETPART-never-to-be-shown";
    protected const string SecretMarker = "SECRETPART";

    protected Uri TokenEndpoint => new(Emulator.BaseUrl, DynatraceState.TokenPath.TrimStart('/'));

    protected void RegisterClient(params string[] scopes) => Emulator.Dynatrace.AddOAuthClient(ClientId, ClientSecret, scopes);

    protected OAuthClientAuthorization Authorization(string secret = ClientSecret, string[]? scopes = null, Func<DateTimeOffset>? now = null) =>
        new(ClientId, Secure(secret), scopes ?? OAuthScopes.EnvironmentDefaults, OAuthScopes.EnvironmentResource("abc12345"),
            TokenEndpoint, null, Retry, now ?? (() => DateTimeOffset.UtcNow));

    protected DynatraceEnvironment ConnectOAuth(string secret = ClientSecret, string[]? scopes = null) =>
        new(EnvironmentUrl.Parse(Emulator.BaseUrl.ToString(), "abc12345"), Authorization(secret, scopes));

    protected int TokenRequests => Emulator.Log.Entries.Count(e => e.Path == DynatraceState.TokenPath);
}
