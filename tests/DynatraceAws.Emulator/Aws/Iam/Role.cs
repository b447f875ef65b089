using System;
using System.Collections.Generic;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>An IAM role: its trust policy (and when that last changed), tags and attached managed policies.</summary>
internal sealed class Role
{
    private readonly List<ManagedPolicy> _attached = [];

    public Role(string accountId, string name, string path, string trustPolicy, string? description, int maxSessionDuration,
        ManagedPolicy? permissionsBoundary, IReadOnlyList<Tag> tags, DateTimeOffset now)
    {
        AccountId = accountId;
        Name = name;
        Path = path;
        Id = IamIds.Role();
        Arn = IamArn.Role(accountId, path, name);
        Description = description;
        MaxSessionDuration = maxSessionDuration;
        PermissionsBoundary = permissionsBoundary;
        Tags = tags;
        Created = now;
        TrustPolicy = trustPolicy;
        TrustPolicyChanged = now;
    }

    public string AccountId { get; }
    public string Name { get; }
    public string Path { get; }
    public string Id { get; }
    public string Arn { get; }
    public string? Description { get; }
    public int MaxSessionDuration { get; }
    public ManagedPolicy? PermissionsBoundary { get; }
    public IReadOnlyList<Tag> Tags { get; private set; }
    public DateTimeOffset Created { get; }
    public string TrustPolicy { get; private set; }

    /// <summary>When the trust policy was written last: what Dynatrace's view of the role has to catch up with.</summary>
    public DateTimeOffset TrustPolicyChanged { get; private set; }

    /// <summary>In the order they were attached.</summary>
    public IReadOnlyList<ManagedPolicy> AttachedPolicies => _attached;

    public void ReplaceTrustPolicy(string document, DateTimeOffset now)
    {
        TrustPolicy = document;
        TrustPolicyChanged = now;
    }

    public void AddTags(IReadOnlyList<Tag> tags) => Tags = TagRules.Merge(Tags, tags);

    /// <summary>Attaching a policy that is attached already changes nothing.</summary>
    public void Attach(ManagedPolicy policy)
    {
        if (_attached.Contains(policy)) return;
        if (_attached.Count >= IamQuotas.AttachedPoliciesPerRole)
            throw AwsError.LimitExceeded($"Cannot exceed quota for PoliciesPerRole: {IamQuotas.AttachedPoliciesPerRole}");
        _attached.Add(policy);
    }

    public void Detach(ManagedPolicy policy)
    {
        if (!_attached.Remove(policy)) throw AwsError.NoSuchEntity($"Policy {policy.Arn} was not found.");
    }

    public bool HasAttached(ManagedPolicy policy) => _attached.Contains(policy);
}
