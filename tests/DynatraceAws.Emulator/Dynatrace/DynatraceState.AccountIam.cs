using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The account management side: IAM policies and their bindings to groups, groups, service users
/// and platform tokens. A minted platform token is accepted by the environment with its scopes.
/// </summary>
public sealed partial class DynatraceState
{
    public const string GlobalLevel = "global";

    private readonly List<IamPolicyRecord> _policies =
    [
        new("8b6e4b3e-0000-4000-8000-000000000001", GlobalLevel, GlobalLevel, "Settings Reader", "Read settings.", "ALLOW settings:objects:read, settings:schemas:read;"),
        new("8b6e4b3e-0000-4000-8000-000000000002", GlobalLevel, GlobalLevel, "Settings Writer", "Write settings.", "ALLOW settings:objects:write;"),
    ];

    private readonly List<IamBindingRecord> _bindings = [];
    private readonly List<IamGroupRecord> _groups = [];
    private readonly List<ServiceUserRecord> _serviceUsers = [];
    private readonly List<PlatformTokenRecord> _platformTokens = [];

    public IReadOnlyList<IamPolicyRecord> IamPolicies { get { lock (_gate) return _policies.ToArray(); } }
    public IReadOnlyList<IamBindingRecord> IamBindings { get { lock (_gate) return _bindings.ToArray(); } }
    public IReadOnlyList<IamGroupRecord> IamGroups { get { lock (_gate) return _groups.ToArray(); } }
    public IReadOnlyList<ServiceUserRecord> ServiceUsers { get { lock (_gate) return _serviceUsers.ToArray(); } }
    public IReadOnlyList<PlatformTokenRecord> PlatformTokens { get { lock (_gate) return _platformTokens.ToArray(); } }

    /// <summary>Which source's scopes the platform tokens API demands; any of them by default.</summary>
    public PlatformTokenScopes PlatformTokenScopes { get; set; }

    internal ApiError? AuthorizeAny(string? token, IReadOnlyList<string> anyOfScopes)
    {
        if (token is null || !_tokens.TryGetValue(token, out var scopes)) return new ApiError(401, "Unauthorized", []);
        if (HasExpired(token)) return new ApiError(401, "JWT token is expired", []);
        if (anyOfScopes.Any(scopes.Contains)) return null;
        return new ApiError(403, $"Insufficient permissions: the token needs one of the scopes {string.Join(", ", anyOfScopes)}.", []);
    }

    // ---- policies

    internal IamPolicyRecord[] ListPolicies(string levelType, string levelId, bool inherited)
    {
        lock (_gate)
            return _policies.Where(p => (p.LevelType == levelType && p.LevelId == levelId) || (inherited && IsInherited(p, levelType))).ToArray();
    }

    internal Outcome<IamPolicyRecord> GetPolicy(string levelType, string levelId, string uuid)
    {
        lock (_gate) return FindPolicy(levelType, levelId, uuid) is { } policy ? policy : PolicyNotFound(uuid);
    }

    internal Outcome<IamPolicyRecord> CreatePolicy(string levelType, string levelId, PolicyBody body) =>
        UpsertPolicy(levelType, levelId, Guid.NewGuid().ToString(), body).Failed(out var error, out var created) ? error : created.Policy;

    /// <summary>PUT: Created is true when the UUID was new at this level.</summary>
    internal Outcome<(IamPolicyRecord Policy, bool Created)> UpsertPolicy(string levelType, string levelId, string uuid, PolicyBody body)
    {
        if (levelType == GlobalLevel) return new ApiError(400, "Policy modification is unavailable within global level.", []);
        if (PolicyStatementRules.Problem(body.StatementQuery) is { } problem)
            return new ApiError(400, $"Invalid policy statement: {problem}", [new("statementQuery", problem)]);
        lock (_gate)
        {
            if (_policies.Any(p => p.LevelType == levelType && p.LevelId == levelId && p.Name == body.Name && p.Uuid != uuid))
                return new ApiError(400, $"A policy named '{body.Name}' already exists at this level.", [new("name", "must be unique within the level")]);
            var existing = FindPolicy(levelType, levelId, uuid);
            var policy = new IamPolicyRecord(uuid, levelType, levelId, body.Name, body.Description, body.StatementQuery);
            if (existing is not null) _policies.Remove(existing);
            _policies.Add(policy);
            return (policy, existing is null);
        }
    }

    internal ApiError? DeletePolicy(string levelType, string levelId, string uuid, bool force)
    {
        lock (_gate)
        {
            if (FindPolicy(levelType, levelId, uuid) is not { } policy) return PolicyNotFound(uuid);
            var bound = _bindings.Where(b => b.PolicyUuid == uuid).ToArray();
            if (bound.Length > 0 && !force)
                return new ApiError(400, $"Policy {uuid} is bound to {bound.Length} group(s); delete with force=true to unbind it.", []);
            _bindings.RemoveAll(b => b.PolicyUuid == uuid);
            _policies.Remove(policy);
            return null;
        }
    }

    // ---- bindings

    internal IamBindingRecord[] ListBindings(string levelType, string levelId, string? policyUuid)
    {
        lock (_gate)
            return _bindings.Where(b => b.LevelType == levelType && b.LevelId == levelId && (policyUuid is null || b.PolicyUuid == policyUuid)).ToArray();
    }

    /// <summary>POST …/bindings/{policyUuid}: adds the groups, leaving existing bindings as they are.</summary>
    internal ApiError? AppendBindings(string levelType, string levelId, string policyUuid, IReadOnlyList<string> groups, IReadOnlyList<string> boundaries)
    {
        lock (_gate)
        {
            if (!IsUsable(policyUuid, levelType, levelId)) return PolicyNotFound(policyUuid);
            if (groups.FirstOrDefault(g => _groups.All(known => known.Uuid != g)) is { } unknown) return GroupNotFound(unknown);
            foreach (var group in groups.Distinct())
            {
                if (_bindings.Any(b => b.LevelType == levelType && b.LevelId == levelId && b.PolicyUuid == policyUuid && b.GroupUuid == group)) continue;
                _bindings.Add(new IamBindingRecord(levelType, levelId, policyUuid, group, boundaries.ToArray()));
            }
            return null;
        }
    }

    internal string[] PoliciesOfGroup(string levelType, string levelId, string groupUuid)
    {
        lock (_gate)
            return _bindings.Where(b => b.LevelType == levelType && b.LevelId == levelId && b.GroupUuid == groupUuid).Select(b => b.PolicyUuid).ToArray();
    }

    /// <summary>PUT …/bindings/groups/{groupUuid}: the group ends up bound to exactly these policies.</summary>
    internal ApiError? ReplaceGroupBindings(string levelType, string levelId, string groupUuid, IReadOnlyList<string> policyUuids)
    {
        lock (_gate)
        {
            if (_groups.All(g => g.Uuid != groupUuid)) return GroupNotFound(groupUuid);
            if (policyUuids.FirstOrDefault(p => !IsUsable(p, levelType, levelId)) is { } unknown) return PolicyNotFound(unknown);
            var kept = _bindings.Where(b => b.LevelType == levelType && b.LevelId == levelId && b.GroupUuid == groupUuid && policyUuids.Contains(b.PolicyUuid)).ToArray();
            _bindings.RemoveAll(b => b.LevelType == levelType && b.LevelId == levelId && b.GroupUuid == groupUuid);
            _bindings.AddRange(kept);
            foreach (var policy in policyUuids.Distinct().Where(p => kept.All(k => k.PolicyUuid != p)))
                _bindings.Add(new IamBindingRecord(levelType, levelId, policy, groupUuid, []));
            return null;
        }
    }

    internal ApiError? DeleteBinding(string levelType, string levelId, string policyUuid, string groupUuid)
    {
        lock (_gate)
        {
            var removed = _bindings.RemoveAll(b => b.LevelType == levelType && b.LevelId == levelId && b.PolicyUuid == policyUuid && b.GroupUuid == groupUuid);
            return removed == 0 ? new ApiError(404, $"No binding of policy {policyUuid} to group {groupUuid}.", []) : null;
        }
    }

    // ---- groups, service users, platform tokens

    internal IamGroupRecord[] ListGroups() { lock (_gate) return _groups.ToArray(); }

    /// <summary>
    /// A group sent with federatedAttributeValues, even an empty list, is owned by SAML rather than
    /// LOCAL: "If present and the group has owner = LOCAL, then group owner is set to SAML" (the contract's InsertGroupDto).
    /// </summary>
    internal Outcome<IamGroupRecord[]> CreateGroups(IReadOnlyList<GroupRequest> groups)
    {
        lock (_gate)
        {
            if (groups.FirstOrDefault(g => _groups.Any(known => known.Name == g.Name)) is { } taken)
                return new ApiError(400, $"A group named '{taken.Name}' already exists.", [new("name", "must be unique")]);
            var created = groups.Select(g => new IamGroupRecord(Guid.NewGuid().ToString(), g.Name, g.Description,
                g.FederatedAttributeValues is null ? "LOCAL" : "SAML", DateTimeOffset.UtcNow, g.FederatedAttributeValues ?? [])).ToArray();
            _groups.AddRange(created);
            return created;
        }
    }

    internal ServiceUserRecord[] ListServiceUsers() { lock (_gate) return _serviceUsers.ToArray(); }

    /// <summary>A service user comes with its own group, to which policies are bound.</summary>
    internal ServiceUserRecord CreateServiceUser(string name, string description)
    {
        lock (_gate)
        {
            var uid = Guid.NewGuid().ToString();
            var group = new IamGroupRecord(Guid.NewGuid().ToString(), $"service-user-{uid}", $"Group of service user {name}", "LOCAL", DateTimeOffset.UtcNow, []);
            var user = new ServiceUserRecord(uid, $"{uid}@service.sso.dynatrace.com", name, description, group.Uuid, DateTimeOffset.UtcNow);
            _groups.Add(group);
            _serviceUsers.Add(user);
            return user;
        }
    }

    internal Outcome<(PlatformTokenRecord Record, string Secret)> CreatePlatformToken(string name, IReadOnlyList<string> scope,
        IReadOnlyList<string> resource, DateTimeOffset expirationDate, string userUuid)
    {
        lock (_gate)
        {
            if (_serviceUsers.All(u => u.Uid != userUuid)) return new ApiError(404, $"User {userUuid} not found.", []);
            if (expirationDate <= DateTimeOffset.UtcNow)
                return new ApiError(400, "The expiration date must be in the future.", [new("expirationDate", "must be in the future")]);
            if (_platformTokens.Count(t => t.UserUuid == userUuid) >= 10)
                return new ApiError(400, "A user can hold at most 10 platform tokens.", []);
            var publicPart = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
            var secret = $"dt0s16.{publicPart}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(32))}";
            var record = new PlatformTokenRecord($"dt0s16.{publicPart}", name, scope.ToArray(), resource.ToArray(), expirationDate, userUuid);
            _platformTokens.Add(record);
            AddToken(secret, scope.ToArray());
            return (record, secret);
        }
    }

    internal PlatformTokenRecord[] ListPlatformTokens() { lock (_gate) return _platformTokens.ToArray(); }

    internal ApiError? DeletePlatformToken(string tokenId)
    {
        lock (_gate)
            return _platformTokens.RemoveAll(t => t.TokenId == tokenId) == 0 ? new ApiError(404, $"Platform token {tokenId} not found.", []) : null;
    }

    private IamPolicyRecord? FindPolicy(string levelType, string levelId, string uuid) =>
        _policies.FirstOrDefault(p => p.Uuid == uuid && p.LevelType == levelType && p.LevelId == levelId);

    private bool IsUsable(string policyUuid, string levelType, string levelId) =>
        _policies.Any(p => p.Uuid == policyUuid && ((p.LevelType == levelType && p.LevelId == levelId) || IsInherited(p, levelType)));

    /// <summary>Global policies reach every level; account policies reach the account's environments.</summary>
    private static bool IsInherited(IamPolicyRecord policy, string levelType) =>
        policy.LevelType == GlobalLevel || (policy.LevelType == "account" && levelType == "environment");

    private static ApiError PolicyNotFound(string uuid) => new(404, $"Policy {uuid} not found.", []);

    private static ApiError GroupNotFound(string uuid) => new(404, $"Group {uuid} not found.", []);
}

internal sealed record PolicyBody(string Name, string Description, string StatementQuery);

/// <summary>One group of a POST: federatedAttributeValues null when the member was not sent at all.</summary>
internal sealed record GroupRequest(string Name, string Description, IReadOnlyList<string>? FederatedAttributeValues);
