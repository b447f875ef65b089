using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>Offboarding: the role and the two policies deleted again, where nothing else depends on them.</summary>
    public sealed partial class MonitoringRoles
    {
        /// <summary>
        /// Reads the role, its attachments and the two policies (their versions, and how many
        /// entities each is attached to), then adds to <paramref name="plan"/> the deletes in IAM's
        /// order, all after <paramref name="after"/>: the attachments of the two policies, the role,
        /// the policies. What cannot go without touching what onboarding did not make (a role with
        /// other policies attached, a policy attached elsewhere) is not planned: it is returned as a leftover.
        /// </summary>
        internal async Task<IReadOnlyList<string>> AddRemovalToAsync(PlanBuilder plan, string roleName, string? policyNamePrefix,
            IReadOnlyList<PlanStep> after, CancellationToken ct)
        {
            var role = await FindRoleAsync(roleName, ct).ConfigureAwait(false);
            // In name order: IAM lists attachments in the order they were made, which parallel attaches leave to chance.
            var attached = role is null ? Array.Empty<AttachedPolicy>()
                : (await _iam.ListAttachedRolePoliciesAsync(roleName, ct).ConfigureAwait(false)).OrderBy(a => a.PolicyName, StringComparer.Ordinal).ToArray();
            var (first, second) = MonitoringPolicies.Names(policyNamePrefix);
            var ours = new[] { first, second }.Select(PolicyArn).ToArray();
            var policies = new List<(IamPolicy Policy, IReadOnlyList<IamPolicyVersion> Older)>();
            foreach (var arn in ours)
            {
                if (await FindPolicyAsync(arn, ct).ConfigureAwait(false) is not { } policy) continue;
                var versions = await _iam.ListPolicyVersionsAsync(arn, ct).ConfigureAwait(false);
                policies.Add((policy, versions.Where(v => !v.IsDefaultVersion).ToArray()));
            }

            var leftovers = new List<string>();
            var detached = attached.Where(a => ours.Contains(a.PolicyArn))
                .Select(a => plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Delete, $"attachment of {a.PolicyName} to role {roleName}"),
                    ct2 => GoneAlreadyAsync(_iam.DetachRolePolicyAsync(roleName, a.PolicyArn, ct2)), after.ToArray()))
                .ToArray();
            var beforeRole = detached.Length > 0 ? detached : after.ToArray();

            PlanStep[] beforePolicies = beforeRole;
            var foreign = attached.Where(a => !ours.Contains(a.PolicyArn)).Select(a => a.PolicyName).ToArray();
            if (role != null && foreign.Length > 0)
                leftovers.Add($"AWS: role {roleName} kept: it has other policies attached ({string.Join(", ", foreign)})");
            else if (role != null)
                beforePolicies = new[]
                {
                    plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Delete, $"role {roleName}"),
                        ct2 => GoneAlreadyAsync(_iam.DeleteRoleAsync(roleName, ct2)), beforeRole),
                };

            foreach (var (policy, older) in policies)
            {
                var elsewhere = policy.AttachmentCount - (attached.Any(a => a.PolicyArn == policy.Arn) ? 1 : 0);
                if (elsewhere > 0)
                {
                    leftovers.Add($"AWS: policy {policy.PolicyName} kept: it is attached to {elsewhere} other role(s), user(s) or group(s)");
                    continue;
                }
                var target = $"policy {policy.PolicyName}" + (older.Count > 0 ? $" with its {older.Count} older version(s)" : "");
                plan.Add(new PlannedChange(PlannedChange.Aws, ChangeAction.Delete, target), ct2 => DeletePolicyAsync(policy.Arn, older, ct2), beforePolicies);
            }
            return leftovers;
        }

        /// <summary>IAM deletes a policy only once its versions other than the default are gone.</summary>
        private async Task DeletePolicyAsync(string arn, IReadOnlyList<IamPolicyVersion> older, CancellationToken ct)
        {
            foreach (var version in older)
                await GoneAlreadyAsync(_iam.DeletePolicyVersionAsync(arn, version.VersionId, ct)).ConfigureAwait(false);
            await GoneAlreadyAsync(_iam.DeletePolicyAsync(arn, ct)).ConfigureAwait(false);
        }

        /// <summary>A delete whose target is gone already (another run, a retried request whose answer was lost) is done.</summary>
        private async Task GoneAlreadyAsync(Task delete)
        {
            try
            {
                await delete.ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                _log.Verbose(ex.ServiceMessage);
            }
        }
    }
}
