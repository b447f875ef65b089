using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The emulated Dynatrace environment: tokens, settings objects (AWS connections), installed
/// extensions and da-aws monitoring configurations. One lock guards all of it, so a rule that
/// spans two collections (a configuration names a connection) is checked and written atomically.
/// </summary>
public sealed partial class DynatraceState
{
    /// <summary>Holds every scope; seeded for manual use. Deliberately not shaped like a real token.</summary>
    public const string LocalToken = "dt0s16.EMULATOR.local-token";

    private readonly object _gate = new();
    private readonly IRoleAssumption _roles;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _tokens = new(StringComparer.Ordinal);
    private long _sequence;

    public DynatraceState(EmulatorOptions options, IRoleAssumption roles)
    {
        _roles = roles;
        EnvironmentId = options.EnvironmentId;
        AddToken(LocalToken, Scopes.All);
        if (options.InstallDaAwsExtension)
        {
            // As in seed 000: the newest version is installed, an older one is active.
            SetExtension(DaAwsCatalogue.ExtensionName, DaAwsCatalogue.HubVersions, DaAwsCatalogue.HubVersions[0]);
        }
    }

    public string EnvironmentId { get; }

    /// <summary>Which of the disputed page parameters the lists take.</summary>
    public PageParameters PageParameters { get; } = new();

    /// <summary>
    /// Replaces the AWS side's answer to "could Dynatrace assume this role now?" (roleArn,
    /// trusted principal, external id) → null or the reason. The seam for tests that exercise only
    /// the Dynatrace side; when null, the <see cref="IRoleAssumption"/> given at construction answers.
    /// </summary>
    public Func<string, string, string, string?>? RoleCheckOverride { get; set; }

    /// <summary>Registers a Bearer token, or replaces the scopes of a known one.</summary>
    public void AddToken(string token, params string[] scopes) => _tokens[token] = scopes.ToHashSet(StringComparer.Ordinal);

    internal ApiError? Authorize(string? token, string? requiredScope)
    {
        if (token is null || !_tokens.TryGetValue(token, out var scopes)) return new ApiError(401, "Unauthorized", []);
        if (HasExpired(token)) return new ApiError(401, "JWT token is expired", []);
        if (requiredScope is null || scopes.Contains(requiredScope)) return null;
        var details = new JsonObject { ["missingScopes"] = new JsonArray(requiredScope) };
        return new ApiError(403, "Insufficient permissions.", [], details);
    }

    private string? WhyNotAssumable(string roleArn, string externalId) =>
        (RoleCheckOverride ?? _roles.WhyNotAssumable)(roleArn, AwsConnectionSchema.DynatracePrincipal, externalId);

    private long NextSequence() => ++_sequence;
}
