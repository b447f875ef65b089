using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// The IAM side of onboarding one account: the two managed policies, the role that trusts
    /// Dynatrace with the connection's external id, the attachments and the tag. Reads, then plans
    /// only what is missing or different, so a rerun plans nothing.
    /// </summary>
    public sealed partial class MonitoringRoles
    {
        private const int MaxPolicyVersions = 5;
        private const string PolicyDescription = "Dynatrace monitoring: read-only access for topology and CloudWatch metrics";

        private readonly AwsAccountAccess _account;
        private readonly IamClient _iam;
        private readonly ICoreLog _log;

        public MonitoringRoles(AwsAccountAccess account, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _account = account;
            _log = RedactingLog.Wrap(log);
            _iam = account.Iam(retry ?? RetryPolicy.Default, _log);
        }

        /// <summary>Checks the spec, reads the role and both policies, and plans what the account lacks.</summary>
        public async Task<Plan<MonitoringRole>> PlanAsync(MonitoringRoleSpec spec, CancellationToken ct)
        {
            Validate(spec);
            var state = await ReadAsync(spec, readPoliciesOfAbsentRole: true, ct).ConfigureAwait(false);
            var builder = new PlanBuilder();
            var role = AddTo(builder, spec, state, () => spec.ConnectionId, null);
            return builder.Build($"AWS account {spec.AccountId}", role.Result);
        }

        internal void Validate(MonitoringRoleSpec spec)
        {
            InputRules.AccountId(spec.AccountId);
            if (spec.AccountId != _account.AccountId)
                throw new DynatraceAwsException("WrongAccount", FailureCategory.InvalidArgument,
                    $"The credentials are for account {_account.AccountId}, not {spec.AccountId}; nothing was created.",
                    "Open access to the account the role is for.");
            if (string.IsNullOrWhiteSpace(spec.ConnectionId))
                throw new InvalidInputException("MissingConnectionId", "ConnectionId", spec.ConnectionId, "is empty",
                    "Pass the ConnectionId that New-DtAwsConnection returned: the role requires it as external id.");
            MonitoringRoleSpec.Validate(spec);
        }

        /// <param name="readPoliciesOfAbsentRole">
        /// False for an account new to onboarding: when the role is absent its policies most likely
        /// are too, and creating them adopts one that exists, so two reads are saved per new account.
        /// </param>
        internal async Task<RoleState> ReadAsync(MonitoringRoleSpec spec, bool readPoliciesOfAbsentRole, CancellationToken ct)
        {
            var role = await FindRoleAsync(spec.RoleName, ct).ConfigureAwait(false);
            var attached = role is null ? Array.Empty<AttachedPolicy>() : await _iam.ListAttachedRolePoliciesAsync(spec.RoleName, ct).ConfigureAwait(false);
            var policies = new Dictionary<string, PolicyState>(StringComparer.Ordinal);
            foreach (var (name, document) in Policies(spec))
                policies[name] = role is null && !readPoliciesOfAbsentRole
                    ? PolicyState.NotRead
                    : await PolicyStateAsync(name, document, ct).ConfigureAwait(false);
            return new RoleState(role, attached, policies);
        }

        /// <summary>Adds to <paramref name="plan"/> what the account lacks of the role, given what was read.</summary>
        /// <param name="externalId">The connection's id, known when the plan is applied.</param>
        /// <param name="externalIdReady">The change that makes the connection (and so its id), when it is new.</param>
        internal RolePlan AddTo(PlanBuilder plan, MonitoringRoleSpec spec, RoleState state, Func<string> externalId, PlanStep? externalIdReady)
        {
            var policySteps = new Dictionary<string, PlanStep?>(StringComparer.Ordinal);
            foreach (var (name, document) in Policies(spec))
                policySteps[name] = PlanPolicy(plan, name, document, state.Policies[name]);

            var tags = Tags(spec);
            var principal = TrustPolicy.PrincipalArn(spec.TrustedAccountId);
            var shownId = externalIdReady is null ? spec.ConnectionId : "the new connection's id";
            PlanStep? created = null, trusted = null;
            if (state.Role is null)
            {
                created = plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Create, $"role {spec.RoleName}", after: $"trusts {principal} with external id {shownId}"),
                    ct => CreateRoleAsync(spec, externalId(), tags, ct), externalIdReady);
            }
            else
            {
                var current = TrustPolicy.ExternalIdRequiredOf(state.Role.AssumeRolePolicyDocument, spec.TrustedAccountId);
                if (externalIdReady != null || current != spec.ConnectionId)
                {
                    RequireForce(spec, state.Role, current, shownId);
                    trusted = plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Update, $"trust policy of role {spec.RoleName}",
                            current is null ? $"does not trust {principal}" : $"external id {current}", $"external id {shownId}"),
                        ct => _iam.UpdateAssumeRolePolicyAsync(spec.RoleName, TrustPolicy.Document(spec.TrustedAccountId, externalId()), ct), externalIdReady);
                }
                var missing = tags.Where(w => !state.Role.Tags.Any(t => string.Equals(t.Key, w.Key, StringComparison.OrdinalIgnoreCase) && t.Value == w.Value)).ToArray();
                if (missing.Length > 0)
                    plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Update, $"tags of role {spec.RoleName}", after: string.Join(", ", missing.Select(t => $"{t.Key}={t.Value}"))),
                        ct => _iam.TagRoleAsync(spec.RoleName, missing, ct));
            }

            foreach (var (name, _) in Policies(spec))
            {
                var arn = PolicyArn(name);
                if (state.Attached.Any(a => a.PolicyArn == arn)) continue;
                plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Create, $"attachment of {name} to role {spec.RoleName}"),
                    ct => _iam.AttachRolePolicyAsync(spec.RoleName, arn, ct), created, policySteps[name]);
            }

            var roleArn = state.Role?.Arn ?? $"arn:{_account.Partition.Id}:iam::{spec.AccountId}:role{spec.RolePath}{spec.RoleName}";
            return new RolePlan(spec, roleArn, Policies(spec).Select(p => PolicyArn(p.Name)).ToArray(), created ?? trusted, externalId);
        }

        private static IEnumerable<(string Name, string Document)> Policies(MonitoringRoleSpec spec)
        {
            var (first, second) = MonitoringPolicies.Names(spec.PolicyNamePrefix);
            yield return (first, MonitoringPolicies.First);
            yield return (second, MonitoringPolicies.Second);
        }

        private string PolicyArn(string name) => $"arn:{_account.Partition.Id}:iam::{_account.AccountId}:policy/{name}";

        private async Task<PolicyState> PolicyStateAsync(string name, string document, CancellationToken ct)
        {
            var policy = await FindPolicyAsync(PolicyArn(name), ct).ConfigureAwait(false);
            if (policy is null) return PolicyState.Absent;
            var current = await _iam.GetPolicyVersionAsync(policy.Arn, policy.DefaultVersionId, ct).ConfigureAwait(false);
            return PolicyDocuments.AreEquivalent(current.Document, document) ? PolicyState.Current : PolicyState.Outdated;
        }

        private PlanStep? PlanPolicy(PlanBuilder plan, string name, string document, PolicyState state) => state switch
        {
            PolicyState.Current => null,
            PolicyState.Outdated => plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Update, $"policy {name}", "another document", "Dynatrace's current document (a new default version)"),
                ct => NewDefaultVersionAsync(name, document, ct)),
            _ => plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Create, $"policy {name}"),
                ct => CreatePolicyAsync(name, document, ct)),
        };

        /// <summary>Creates the policy; one that exists meanwhile (or was not read) is adopted, and updated when it differs.</summary>
        private async Task CreatePolicyAsync(string name, string document, CancellationToken ct)
        {
            _log.Verbose($"Creating policy {name} in account {_account.AccountId}.");
            try
            {
                await _iam.CreatePolicyAsync(new CreatePolicyRequest(name, document, description: PolicyDescription), ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.EntityAlreadyExists)
            {
                _log.Verbose($"Policy {name} exists already; checking its document.");
                if (await PolicyStateAsync(name, document, ct).ConfigureAwait(false) == PolicyState.Outdated)
                    await NewDefaultVersionAsync(name, document, ct).ConfigureAwait(false);
            }
        }

        private async Task NewDefaultVersionAsync(string name, string document, CancellationToken ct)
        {
            var arn = PolicyArn(name);
            var versions = await _iam.ListPolicyVersionsAsync(arn, ct).ConfigureAwait(false);
            if (versions.Count >= MaxPolicyVersions)
            {
                var oldest = versions.Where(v => !v.IsDefaultVersion).OrderBy(v => v.CreateDate).First();
                _log.Verbose($"Policy {name} has {versions.Count} versions; deleting the oldest, {oldest.VersionId}.");
                await _iam.DeletePolicyVersionAsync(arn, oldest.VersionId, ct).ConfigureAwait(false);
            }
            _log.Verbose($"Policy {name} differs from Dynatrace's current document; adding a new default version.");
            await _iam.CreatePolicyVersionAsync(arn, document, setAsDefault: true, ct).ConfigureAwait(false);
        }

        private async Task<IamPolicy?> FindPolicyAsync(string arn, CancellationToken ct)
        {
            try
            {
                return await _iam.GetPolicyAsync(arn, ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                return null;
            }
        }

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

        private async Task CreateRoleAsync(MonitoringRoleSpec spec, string externalId, IReadOnlyList<IamTag> tags, CancellationToken ct)
        {
            var trust = TrustPolicy.Document(spec.TrustedAccountId, externalId);
            _log.Verbose($"Creating role {spec.RoleName} in account {spec.AccountId}, trusting {TrustPolicy.PrincipalArn(spec.TrustedAccountId)} with external id {externalId}.");
            try
            {
                await _iam.CreateRoleAsync(new CreateRoleRequest(spec.RoleName, trust, spec.RolePath,
                    "Lets Dynatrace monitor this account (DynatraceAws)", spec.PermissionsBoundary, tags), ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.EntityAlreadyExists)
            {
                // Made meanwhile, by another run: it must trust this connection as well.
                var role = await _iam.GetRoleAsync(spec.RoleName, ct).ConfigureAwait(false);
                var current = TrustPolicy.ExternalIdRequiredOf(role.AssumeRolePolicyDocument, spec.TrustedAccountId);
                if (current == externalId) return;
                RequireForce(spec, role, current, externalId);
                await _iam.UpdateAssumeRolePolicyAsync(spec.RoleName, trust, ct).ConfigureAwait(false);
            }
        }

        private static void RequireForce(MonitoringRoleSpec spec, IamRole role, string? current, string wanted)
        {
            if (spec.Force) return;
            throw new DynatraceAwsException("RoleTrustMismatch", FailureCategory.ResourceExists,
                current is null
                    ? $"The role {role.Arn} exists but does not let {TrustPolicy.PrincipalArn(spec.TrustedAccountId)} assume it with an external id."
                    : $"The role {role.Arn} trusts Dynatrace with the external id of another connection ({current}), not {wanted}.",
                "Pass -Force to replace its trust policy, or use -RoleName for a separate role (and -PolicyNamePrefix when another Dynatrace environment already uses this account).");
        }

        private static IReadOnlyList<IamTag> Tags(MonitoringRoleSpec spec)
        {
            var tags = new List<IamTag> { new IamTag(MonitoringRoleSpec.EnvironmentTagKey, spec.EnvironmentId) };
            foreach (var pair in spec.Tags.Where(p => !string.Equals(p.Key, MonitoringRoleSpec.EnvironmentTagKey, StringComparison.OrdinalIgnoreCase)))
                tags.Add(new IamTag(pair.Key, pair.Value));
            return tags;
        }
    }
}
