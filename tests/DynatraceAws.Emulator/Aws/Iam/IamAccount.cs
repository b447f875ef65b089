using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>
/// The IAM entities of one account. Role names and policy names are unique per account regardless
/// of case and path, as in IAM; lists come back in name order.
/// </summary>
internal sealed class IamAccount
{
    private readonly Dictionary<string, ManagedPolicy> _policies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Role> _roles = new(StringComparer.OrdinalIgnoreCase);

    public IamAccount(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<ManagedPolicy> Policies => _policies.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    public IReadOnlyList<Role> Roles => _roles.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    public void Add(ManagedPolicy policy)
    {
        if (!_policies.TryAdd(policy.Name, policy))
            throw AwsError.EntityAlreadyExists($"A policy called {policy.Name} already exists. Duplicate names are not allowed.");
    }

    /// <summary>The policy with that ARN in this account, or null; IAM's InvalidInput for a malformed ARN.</summary>
    public ManagedPolicy? FindPolicy(string arn)
    {
        var (account, name) = IamArn.Parse(arn, "policy");
        return account == Id && _policies.TryGetValue(name, out var policy) && policy.Arn == arn ? policy : null;
    }

    public ManagedPolicy Policy(string arn) => FindPolicy(arn) ?? throw AwsError.NoSuchEntity($"Policy {arn} was not found.");

    public void Remove(ManagedPolicy policy)
    {
        if (AttachmentCount(policy) > 0 || BoundaryUsageCount(policy) > 0)
            throw AwsError.DeleteConflict("Cannot delete a policy attached to entities.");
        if (policy.Versions.Count > 1)
        {
            throw AwsError.DeleteConflict(
                "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
        }
        _policies.Remove(policy.Name);
    }

    public int AttachmentCount(ManagedPolicy policy) => _roles.Values.Count(role => role.HasAttached(policy));

    public int BoundaryUsageCount(ManagedPolicy policy) => _roles.Values.Count(role => role.PermissionsBoundary == policy);

    public void Add(Role role)
    {
        if (!_roles.TryAdd(role.Name, role)) throw AwsError.EntityAlreadyExists($"Role with name {role.Name} already exists.");
    }

    public Role? FindRole(string name) => _roles.GetValueOrDefault(name);

    public Role Role(string name) => FindRole(name) ?? throw AwsError.NoSuchEntity($"The role with name {name} cannot be found.");

    public void Remove(Role role)
    {
        if (role.AttachedPolicies.Count > 0) throw AwsError.DeleteConflict("Cannot delete entity, must detach all policies first.");
        _roles.Remove(role.Name);
    }
}
