using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The SSO side: OAuth clients with their secret and allowed scopes, and the access tokens issued
/// to them, which the environment then accepts with the granted scopes until they expire.
/// </summary>
public sealed partial class DynatraceState
{
    /// <summary>An OAuth client holding every environment and account scope; seeded for manual use.</summary>
    public const string LocalClientId = "dt0s02.EMULATOR";
    public const string LocalClientSecret = "dt0s02.EMULATOR.local-client-secret";

    /// <summary>Where the SSO token endpoint answers, on the emulator's own address.</summary>
    public const string TokenPath = "/sso/oauth2/token";

    private readonly ConcurrentDictionary<string, OAuthClient> _clients = new(StringComparer.Ordinal)
    {
        [LocalClientId] = new OAuthClient(LocalClientSecret, Scopes.All.Concat(AccountScopes.All).ToHashSet(StringComparer.Ordinal)),
    };

    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);
    private int _tokensIssued;

    /// <summary>The expires_in of new tokens; 300 s like Dynatrace SSO.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// When set, an issued token expires after this many authorized calls, whatever its lifetime:
    /// how a test makes tokens run out in the middle of a run without waiting five minutes.
    /// </summary>
    public int? TokenUsesBeforeExpiry { get; set; }

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public void AddOAuthClient(string clientId, string secret, params string[] scopes) =>
        _clients[clientId] = new OAuthClient(secret, scopes.ToHashSet(StringComparer.Ordinal));

    /// <summary>Every token issued so far answers "JWT token is expired" from now on.</summary>
    public void ExpireIssuedTokens()
    {
        foreach (var token in _issued.Values) token.Expire();
    }

    internal TokenGrant Grant(string? clientId, string? secret, string? scope)
    {
        if (clientId is null || !_clients.TryGetValue(clientId, out var client) || !FixedTimeEquals(client.Secret, secret))
            return TokenGrant.Refused(401, "invalid_client", "Client authentication failed.");
        var requested = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var notAllowed = requested.Where(s => !client.Scopes.Contains(s)).ToArray();
        // As Dynatrace SSO answers it (quoted in dynatrace-oss/dynatrace-mcp#18): invalid_request, not RFC 6749's invalid_scope.
        if (notAllowed.Length > 0)
            return TokenGrant.Refused(400, "invalid_request",
                $"Invalid OAuth2 request. UNSUCCESSFUL_OAUTH_ACCESS_TOKEN_VALIDATION_FAILED | OAuth client is missing following scopes [{string.Join(", ", notAllowed)}]");

        var granted = requested.Length > 0 ? requested : client.Scopes.ToArray();
        var token = "eyJ" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _issued[token] = new IssuedToken(DateTimeOffset.UtcNow + TokenLifetime);
        AddToken(token, granted);
        Interlocked.Increment(ref _tokensIssued);
        return TokenGrant.Issued(token, (int)TokenLifetime.TotalSeconds, string.Join(" ", granted));
    }

    /// <summary>Counts one use of an issued token; true when it has expired.</summary>
    private bool HasExpired(string token) =>
        _issued.TryGetValue(token, out var issued) && issued.UseAndCheckExpired(TokenUsesBeforeExpiry);

    private static bool FixedTimeEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));

    private sealed record OAuthClient(string Secret, IReadOnlySet<string> Scopes);

    private sealed class IssuedToken(DateTimeOffset expiresAt)
    {
        private int _uses;
        private volatile bool _expired;

        public void Expire() => _expired = true;

        public bool UseAndCheckExpired(int? usesBeforeExpiry)
        {
            var uses = Interlocked.Increment(ref _uses);
            if (usesBeforeExpiry is { } limit && uses > limit) _expired = true;
            return _expired || DateTimeOffset.UtcNow >= expiresAt;
        }
    }
}

/// <summary>The token endpoint's answer: a token, or an RFC 6749 error.</summary>
internal sealed record TokenGrant(int Status, string? AccessToken, int ExpiresIn, string? Scope, string? Error, string? Description)
{
    public static TokenGrant Issued(string token, int expiresIn, string scope) => new(200, token, expiresIn, scope, null, null);

    public static TokenGrant Refused(int status, string error, string description) => new(status, null, 0, null, error, description);
}
