using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// The IAM side of onboarding one account: the two managed policies, the role that trusts
    /// Dynatrace with the connection's external id, the attachments and the tag. Reads first and
    /// writes only what is missing or different, so a rerun writes nothing; the same walk without
    /// writes is the -WhatIf plan.
    /// </summary>
    public sealed class MonitoringRoles
    {
        private const int MaxPolicyVersions = 5;
        private const string PolicyDescription = "Dynatrace monitoring: read-only access for topology and CloudWatch metrics";

        private readonly AwsAccountAccess _account;
        private readonly IamClient _iam;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;

        public MonitoringRoles(AwsAccountAccess account, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _account = account;
            _retry = retry ?? RetryPolicy.Default;
            _log = RedactingLog.Wrap(log);
            _iam = account.Iam(_retry, _log);
        }

        /// <summary>Changes nothing; the role as it would be after <see cref="EnsureAsync"/>, with what that would do.</summary>
        public Task<MonitoringRole> PlanAsync(MonitoringRoleSpec spec, CancellationToken ct) => ReconcileAsync(spec, apply: false, ct);

        public Task<MonitoringRole> EnsureAsync(MonitoringRoleSpec spec, CancellationToken ct) => ReconcileAsync(spec, apply: true, ct);

        /// <summary>
        /// For an account that is new to this environment: creates first and reads only what turns
        /// out to exist, so a new account costs the creates alone. Ends in the same state as <see cref="EnsureAsync"/>.
        /// </summary>
        public Task<MonitoringRole> EnsureNewAsync(MonitoringRoleSpec spec, CancellationToken ct) => ReconcileAsync(spec, apply: true, ct, optimistic: true);

        private async Task<MonitoringRole> ReconcileAsync(MonitoringRoleSpec spec, bool apply, CancellationToken ct, bool optimistic = false)
        {
            Validate(spec);
            var changes = new Changes();
            var (firstName, secondName) = MonitoringPolicies.Names(spec.PolicyNamePrefix);
            var policyArns = new List<string>();
            foreach (var (name, document) in new[] { (firstName, MonitoringPolicies.First), (secondName, MonitoringPolicies.Second) })
                policyArns.Add(optimistic && await TryCreatePolicyAsync(name, document, changes, ct).ConfigureAwait(false)
                    ? PolicyArn(name)
                    : await EnsurePolicyAsync(name, document, apply, changes, ct).ConfigureAwait(false));

            var trust = TrustPolicy.Document(spec.TrustedAccountId, spec.ConnectionId);
            var tags = Tags(spec);
            var role = optimistic ? await TryCreateRoleAsync(spec, trust, tags, changes, ct).ConfigureAwait(false) : null;
            var createdNow = role != null;
            if (!createdNow) role = await FindRoleAsync(spec.RoleName, ct).ConfigureAwait(false);
            IReadOnlyList<AttachedPolicy> attached = Array.Empty<AttachedPolicy>();
            if (role is null)
            {
                changes.Created.Add("role " + spec.RoleName);
                if (apply) role = await CreateRoleAsync(spec, trust, tags, ct).ConfigureAwait(false);
            }
            else if (!createdNow)
            {
                await EnsureTrustAsync(spec, role, trust, apply, changes, ct).ConfigureAwait(false);
                await EnsureTagsAsync(spec.RoleName, role, tags, apply, changes, ct).ConfigureAwait(false);
                attached = await _iam.ListAttachedRolePoliciesAsync(spec.RoleName, ct).ConfigureAwait(false);
                changes.Unchanged.Add("role " + spec.RoleName);
            }

            foreach (var arn in policyArns.Where(arn => attached.All(a => a.PolicyArn != arn)))
            {
                changes.Updated.Add("attach " + arn.Substring(arn.LastIndexOf('/') + 1));
                if (apply)
                {
                    _log.Verbose($"Attaching {arn} to {spec.RoleName}.");
                    await _iam.AttachRolePolicyAsync(spec.RoleName, arn, ct).ConfigureAwait(false);
                }
            }

            var roleArn = role?.Arn ?? $"arn:{_account.Partition.Id}:iam::{spec.AccountId}:role{spec.RolePath}{spec.RoleName}";
            return new MonitoringRole(spec.AccountId, spec.RoleName, roleArn, spec.ConnectionId, policyArns,
                changes.Created, changes.Updated, changes.Unchanged);
        }

        private void Validate(MonitoringRoleSpec spec)
        {
            InputRules.AccountId(spec.AccountId);
            if (spec.AccountId != _account.AccountId)
                throw new DynatraceAwsException("WrongAccount", FailureCategory.InvalidArgument,
                    $"The credentials are for account {_account.AccountId}, not {spec.AccountId}; nothing was created.",
                    "Open access to the account the role is for.");
            if (string.IsNullOrWhiteSpace(spec.ConnectionId))
                throw new InvalidInputException("MissingConnectionId", "ConnectionId", spec.ConnectionId, "is empty",
                    "Pass the ConnectionId that New-DtAwsConnection returned: the role requires it as external id.");
            InputRules.IamName(spec.RoleName, "RoleName", 64);
            InputRules.IamPath(spec.RolePath, "RolePath");
            if (!string.IsNullOrEmpty(spec.PolicyNamePrefix)) InputRules.IamName(spec.PolicyNamePrefix + MonitoringPolicies.SecondName, "PolicyNamePrefix", 128);
            InputRules.AccountId(spec.TrustedAccountId, "TrustedAccountId");
        }

        private string PolicyArn(string name) => $"arn:{_account.Partition.Id}:iam::{_account.AccountId}:policy/{name}";

        /// <returns>false when the policy already exists (then it is checked like any other).</returns>
        private async Task<bool> TryCreatePolicyAsync(string name, string document, Changes changes, CancellationToken ct)
        {
            try
            {
                await _iam.CreatePolicyAsync(new CreatePolicyRequest(name, document, description: PolicyDescription), ct).ConfigureAwait(false);
                changes.Created.Add("policy " + name);
                return true;
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.EntityAlreadyExists)
            {
                return false;
            }
        }

        /// <returns>null when the role already exists (then it is checked like any other).</returns>
        private async Task<IamRole?> TryCreateRoleAsync(MonitoringRoleSpec spec, string trust, IReadOnlyList<IamTag> tags, Changes changes, CancellationToken ct)
        {
            try
            {
                var role = await _iam.CreateRoleAsync(RoleRequest(spec, trust, tags), ct).ConfigureAwait(false);
                changes.Created.Add("role " + spec.RoleName);
                return role;
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.EntityAlreadyExists)
            {
                return null;
            }
        }

        private async Task<string> EnsurePolicyAsync(string name, string document, bool apply, Changes changes, CancellationToken ct)
        {
            var arn = PolicyArn(name);
            IamPolicy policy;
            try
            {
                policy = await _iam.GetPolicyAsync(arn, ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                changes.Created.Add("policy " + name);
                if (apply)
                {
                    _log.Verbose($"Creating policy {name} in account {_account.AccountId}.");
                    try
                    {
                        await _iam.CreatePolicyAsync(new CreatePolicyRequest(name, document, description: PolicyDescription), ct).ConfigureAwait(false);
                    }
                    catch (IamException race) when (race.Code == IamErrorCodes.EntityAlreadyExists)
                    {
                        _log.Verbose($"Policy {name} was created meanwhile; checking it.");
                        changes.Created.Remove("policy " + name);
                        return await EnsurePolicyAsync(name, document, apply, changes, ct).ConfigureAwait(false);
                    }
                }
                return arn;
            }

            var current = await _iam.GetPolicyVersionAsync(arn, policy.DefaultVersionId, ct).ConfigureAwait(false);
            if (PolicyDocuments.AreEquivalent(current.Document, document))
            {
                changes.Unchanged.Add("policy " + name);
                return arn;
            }

            changes.Updated.Add("update policy " + name + " (new version)");
            if (!apply) return arn;
            var versions = await _iam.ListPolicyVersionsAsync(arn, ct).ConfigureAwait(false);
            if (versions.Count >= MaxPolicyVersions)
            {
                var oldest = versions.Where(v => !v.IsDefaultVersion).OrderBy(v => v.CreateDate).First();
                _log.Verbose($"Policy {name} has {versions.Count} versions; deleting the oldest, {oldest.VersionId}.");
                await _iam.DeletePolicyVersionAsync(arn, oldest.VersionId, ct).ConfigureAwait(false);
            }
            _log.Verbose($"Policy {name} differs from Dynatrace's current document; adding a new default version.");
            await _iam.CreatePolicyVersionAsync(arn, document, setAsDefault: true, ct).ConfigureAwait(false);
            return arn;
        }

        private static CreateRoleRequest RoleRequest(MonitoringRoleSpec spec, string trust, IReadOnlyList<IamTag> tags) =>
            new CreateRoleRequest(spec.RoleName, trust, spec.RolePath, "Lets Dynatrace monitor this account (DynatraceAws)", spec.PermissionsBoundary, tags);

        private async Task<IamRole?> FindRoleAsync(string roleName, CancellationToken ct)
        {
            try
            {
                return await _iam.GetRoleAsync(roleName, ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                return null;
            }
        }

        private async Task<IamRole> CreateRoleAsync(MonitoringRoleSpec spec, string trust, IReadOnlyList<IamTag> tags, CancellationToken ct)
        {
            _log.Verbose($"Creating role {spec.RoleName} in account {spec.AccountId}, trusting {TrustPolicy.PrincipalArn(spec.TrustedAccountId)} with external id {spec.ConnectionId}.");
            try
            {
                return await _iam.CreateRoleAsync(RoleRequest(spec, trust, tags), ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.EntityAlreadyExists)
            {
                return await _iam.GetRoleAsync(spec.RoleName, ct).ConfigureAwait(false);
            }
        }

        private async Task EnsureTrustAsync(MonitoringRoleSpec spec, IamRole role, string trust, bool apply, Changes changes, CancellationToken ct)
        {
            var externalId = TrustPolicy.ExternalIdRequiredOf(role.AssumeRolePolicyDocument, spec.TrustedAccountId);
            if (externalId == spec.ConnectionId) return;
            if (!spec.Force)
                throw new DynatraceAwsException("RoleTrustMismatch", FailureCategory.ResourceExists,
                    externalId is null
                        ? $"The role {role.Arn} exists but does not let {TrustPolicy.PrincipalArn(spec.TrustedAccountId)} assume it with an external id."
                        : $"The role {role.Arn} trusts Dynatrace with the external id of another connection ({externalId}), not {spec.ConnectionId}.",
                    "Pass -Force to replace its trust policy, or use -RoleName for a separate role (and -PolicyNamePrefix when another Dynatrace environment already uses this account).");
            changes.Updated.Add("update trust policy");
            if (!apply) return;
            _log.Verbose($"Replacing the trust policy of {spec.RoleName}.");
            await _iam.UpdateAssumeRolePolicyAsync(spec.RoleName, trust, ct).ConfigureAwait(false);
        }

        private async Task EnsureTagsAsync(string roleName, IamRole role, IReadOnlyList<IamTag> wanted, bool apply, Changes changes, CancellationToken ct)
        {
            var missing = wanted.Where(w => !role.Tags.Any(t => string.Equals(t.Key, w.Key, StringComparison.OrdinalIgnoreCase) && t.Value == w.Value))
                .ToArray();
            if (missing.Length == 0) return;
            changes.Updated.Add("tag role with " + string.Join(", ", missing.Select(t => t.Key)));
            if (apply) await _iam.TagRoleAsync(roleName, missing, ct).ConfigureAwait(false);
        }

        private static IReadOnlyList<IamTag> Tags(MonitoringRoleSpec spec)
        {
            var tags = new List<IamTag> { new IamTag(MonitoringRoleSpec.EnvironmentTagKey, spec.EnvironmentId) };
            foreach (var pair in spec.Tags.Where(p => !string.Equals(p.Key, MonitoringRoleSpec.EnvironmentTagKey, StringComparison.OrdinalIgnoreCase)))
                tags.Add(new IamTag(pair.Key, pair.Value));
            return tags;
        }

        private sealed class Changes
        {
            public List<string> Created { get; } = new List<string>();
            public List<string> Updated { get; } = new List<string>();
            public List<string> Unchanged { get; } = new List<string>();
        }
    }
}
