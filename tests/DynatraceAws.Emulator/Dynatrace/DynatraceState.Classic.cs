using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The classic config v1 side: access tokens (Api-Token) and AWS credentials of seed 001.</summary>
public sealed partial class DynatraceState
{
    /// <summary>Holds ReadConfig and WriteConfig; seeded for manual use. Deliberately not shaped like a real token.</summary>
    public const string LocalApiToken = "dt0c01.EMULATOR.local-api-token";

    /// <summary>The Dynatrace SaaS account that assumes classic monitoring roles.</summary>
    public const string ClassicSaaSAccountId = "509560245411";

    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _apiTokens = new(StringComparer.Ordinal)
    {
        [LocalApiToken] = new HashSet<string>(ClassicScopes.All, StringComparer.Ordinal),
    };

    private readonly Dictionary<string, StoredCredential> _credentials = new(StringComparer.Ordinal);

    /// <summary>
    /// The AWS account the environment assumes classic monitoring roles from: Dynatrace classic SaaS's
    /// by default; a Managed cluster's is the account its ActiveGate runs in.
    /// </summary>
    public string ClassicTrustedAccountId { get; set; } = ClassicSaaSAccountId;

    /// <summary>The environment-wide external id of GET /aws/iamExternalId.</summary>
    public string IamExternalId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Whether GET /aws/credentials answers {"values": [...]} (Monaco's reading) rather than the bare
    /// array of the docs and the Terraform provider.
    /// </summary>
    public bool CredentialListAsStubList { get; set; }

    /// <summary>Registers an access token, or replaces the scopes of a known one.</summary>
    public void AddApiToken(string token, params string[] scopes) => _apiTokens[token] = scopes.ToHashSet(StringComparer.Ordinal);

    internal ApiError? AuthorizeApiToken(string? token, string requiredScope)
    {
        if (token is null || !_apiTokens.TryGetValue(token, out var scopes)) return new ApiError(401, "Token Authentication failed", []);
        return scopes.Contains(requiredScope) ? null : new ApiError(403, $"Token is missing required scope {requiredScope}", []);
    }

    internal ApiError? ValidateCredential(JsonElement body, string? idInPath) =>
        AwsCredentialRules.Validate(body, idInPath, IamExternalId) is { Count: > 0 } violations ? ApiError.Invalid(violations) : null;

    internal Outcome<string> CreateCredential(JsonElement body)
    {
        if (ValidateCredential(body, null) is { } error) return error;
        lock (_gate)
        {
            var id = Guid.NewGuid().ToString();
            _credentials[id] = new StoredCredential(NextSequence(), JsonNode.Parse(body.GetRawText())!.AsObject());
            return id;
        }
    }

    internal ApiError? ReplaceCredential(string id, JsonElement body)
    {
        if (ValidateCredential(body, id) is { } error) return error;
        lock (_gate)
        {
            if (!_credentials.TryGetValue(id, out var current)) return ApiError.NotFound($"AWS credentials {id} not found.");
            _credentials[id] = current with { Body = JsonNode.Parse(body.GetRawText())!.AsObject(), EverConnected = false };
            return null;
        }
    }

    /// <summary>Enables or disables credentials and says where they run, as the UI can.</summary>
    public void SetCredentialFlags(string id, bool credentialsEnabled, bool runningOnDynatraceInfrastructure)
    {
        lock (_gate)
        {
            var body = _credentials[id].Body;
            body["credentialsEnabled"] = credentialsEnabled;
            body["runningOnDynatraceInfrastructure"] = runningOnDynatraceInfrastructure;
        }
    }

    internal bool DeleteCredential(string id)
    {
        lock (_gate) return _credentials.Remove(id);
    }

    internal IReadOnlyList<(string Id, string Label)> ListCredentials()
    {
        lock (_gate)
            return _credentials.OrderBy(c => c.Value.Sequence).Select(c => (c.Key, (string?)c.Value.Body["label"] ?? "")).ToArray();
    }

    /// <summary>As GET answers it: with id, external id and connection status; without the secret key.</summary>
    internal JsonObject? ReadCredential(string id)
    {
        lock (_gate)
        {
            if (!_credentials.TryGetValue(id, out var stored)) return null;
            var connected = IsAssumable(stored.Body);
            if (connected) _credentials[id] = stored with { EverConnected = true };
            var body = stored.Body.DeepClone().AsObject();
            body.Remove("id");
            body["id"] = id;
            body["connectionStatus"] = connected ? "CONNECTED" : stored.EverConnected ? "DISCONNECTED" : "UNINITIALIZED";
            // A write that leaves the flags out gets the defaults of new credentials, re-enabling disabled ones:
            // the Terraform provider reads both and sends them back on every replace, as if it must.
            body["credentialsEnabled"] ??= true;
            body["runningOnDynatraceInfrastructure"] ??= false;
            if (body["authenticationData"]?["roleBasedAuthentication"] is JsonObject role) role["externalId"] = IamExternalId;
            (body["authenticationData"]?["keyBasedAuthentication"] as JsonObject)?.Remove("secretKey");
            return body;
        }
    }

    /// <summary>Key-based credentials stay UNINITIALIZED: the emulator does not check AWS keys.</summary>
    private bool IsAssumable(JsonObject body)
    {
        if (body["authenticationData"]?["roleBasedAuthentication"] is not JsonObject role) return false;
        var partition = (string?)body["partitionType"] switch { "AWS_CN" => "aws-cn", "AWS_US_GOV" => "aws-us-gov", _ => "aws" };
        var roleArn = $"arn:{partition}:iam::{(string?)role["accountId"]}:role/{(string?)role["iamRole"]}";
        return (RoleCheckOverride ?? _roles.WhyNotAssumable)(roleArn, $"arn:aws:iam::{ClassicTrustedAccountId}:root", IamExternalId) is null;
    }

    private sealed record StoredCredential(long Sequence, JsonObject Body, bool EverConnected = false);
}
