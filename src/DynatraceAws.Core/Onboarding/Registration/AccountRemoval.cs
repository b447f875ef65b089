using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// Offboards one account in a safe order: the monitoring configuration (Dynatrace stops
    /// polling), the connection, then in AWS the attachments, the role and the policies. Anything
    /// already gone counts as removed; anything that cannot go is reported as a leftover.
    /// </summary>
    public sealed class AccountRemoval
    {
        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;
        private readonly AwsConnections _connections;
        private readonly MonitoringConfigurations _configurations;

        public AccountRemoval(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _retry = retry ?? RetryPolicy.Default;
            _connections = new AwsConnections(environment, _log, _retry);
            _configurations = new MonitoringConfigurations(environment, _log, _retry);
        }

        /// <param name="aws">Null keeps the AWS side untouched (-KeepRole).</param>
        public async Task<RemovalResult> RemoveAsync(string accountId, string? connectionName, AwsCredentialOptions? aws,
            string roleName, string? policyNamePrefix, CancellationToken ct)
        {
            var removed = new List<string>();
            var leftovers = new List<string>();
            var result = new RemovalResult { AccountId = accountId };
            try
            {
                InputRules.AccountId(accountId);
                if (aws != null) InputRules.AwsNames(roleName, policyNamePrefix);
                var configuration = await _configurations.FindByAccountAsync(accountId, ct).ConfigureAwait(false);
                var connections = await ConnectionsOfAsync(accountId, connectionName ?? "aws-" + accountId, configuration, ct).ConfigureAwait(false);
                if (configuration != null && await _configurations.DeleteAsync(configuration.ConfigurationId, ct).ConfigureAwait(false))
                    removed.Add($"Dynatrace: monitoring configuration '{configuration.Description}'");

                // Deleting a configuration removes its connection too; the others go one by one.
                foreach (var connection in connections)
                {
                    await _connections.DeleteAsync(connection.ConnectionId, ct).ConfigureAwait(false);
                    removed.Add($"Dynatrace: AWS connection '{connection.Name}'");
                }

                if (aws != null)
                {
                    var access = await AwsAccountAccess.OpenAsync(accountId, aws, _log, _retry, ct).ConfigureAwait(false);
                    await RemoveRoleAsync(access.Iam(_retry, _log), access, roleName, policyNamePrefix, removed, leftovers, ct).ConfigureAwait(false);
                }

                result.Status = leftovers.Count > 0 ? RemovalStatus.Partial : removed.Count > 0 ? RemovalStatus.Removed : RemovalStatus.NothingToRemove;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                result.Status = RemovalStatus.Failed;
                result.Error = Redactor.Redact(ex.Message);
                result.ErrorId = Failure.Of(ex).ErrorId;
                result.Exception = ex;
            }
            result.Removed = removed;
            result.Leftovers = leftovers;
            return result;
        }

        /// <summary>The connection the configuration names, the one of that name, and any whose role is in the account.</summary>
        private async Task<IReadOnlyList<AwsConnection>> ConnectionsOfAsync(string accountId, string name, MonitoringConfiguration? configuration,
            CancellationToken ct)
        {
            var all = await _connections.ListAsync(ct).ConfigureAwait(false);
            return all.Where(c => c.ConnectionId == configuration?.ConnectionId
                                  || c.Name == name
                                  || InputRules.AccountOfRoleArn(c.RoleArn) == accountId).ToArray();
        }

        private async Task RemoveRoleAsync(IamClient iam, AwsAccountAccess access, string roleName, string? prefix,
            List<string> removed, List<string> leftovers, CancellationToken ct)
        {
            var (first, second) = MonitoringPolicies.Names(prefix);
            var ours = new[] { first, second }.Select(n => $"arn:{access.Partition.Id}:iam::{access.AccountId}:policy/{n}").ToArray();

            IReadOnlyList<AttachedPolicy>? attached = null;
            try
            {
                attached = await iam.ListAttachedRolePoliciesAsync(roleName, ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                _log.Verbose($"Role {roleName} is already gone.");
            }

            if (attached != null)
            {
                foreach (var policy in attached.Where(a => ours.Contains(a.PolicyArn)))
                {
                    await IgnoreMissingAsync(() => iam.DetachRolePolicyAsync(roleName, policy.PolicyArn, ct)).ConfigureAwait(false);
                    removed.Add($"AWS: attachment of {policy.PolicyName} to {roleName}");
                }
                var foreign = attached.Where(a => !ours.Contains(a.PolicyArn)).Select(a => a.PolicyName).ToArray();
                if (foreign.Length > 0)
                    leftovers.Add($"AWS: role {roleName} kept: it has other policies attached ({string.Join(", ", foreign)})");
                else
                {
                    try
                    {
                        if (await IgnoreMissingAsync(() => iam.DeleteRoleAsync(roleName, ct)).ConfigureAwait(false)) removed.Add($"AWS: role {roleName}");
                    }
                    catch (IamException ex) when (ex.Code == IamErrorCodes.DeleteConflict)
                    {
                        leftovers.Add($"AWS: role {roleName} kept: {ex.ServiceMessage}");
                    }
                }
            }

            foreach (var arn in ours)
            {
                try
                {
                    foreach (var version in (await iam.ListPolicyVersionsAsync(arn, ct).ConfigureAwait(false)).Where(v => !v.IsDefaultVersion))
                        await iam.DeletePolicyVersionAsync(arn, version.VersionId, ct).ConfigureAwait(false);
                    await iam.DeletePolicyAsync(arn, ct).ConfigureAwait(false);
                    removed.Add("AWS: policy " + arn.Substring(arn.LastIndexOf('/') + 1));
                }
                catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
                {
                    _log.Verbose($"Policy {arn} is already gone.");
                }
                catch (IamException ex) when (ex.Code == IamErrorCodes.DeleteConflict)
                {
                    leftovers.Add($"AWS: policy {arn} kept: {ex.ServiceMessage}");
                }
            }
        }

        /// <returns>false when the thing was already gone.</returns>
        private static async Task<bool> IgnoreMissingAsync(Func<Task> call)
        {
            try
            {
                await call().ConfigureAwait(false);
                return true;
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                return false;
            }
        }
    }
}
