using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// Test-DtAwsAccount: reads both sides and reports, check by check, whether the account is
    /// onboarded as Register-DtAwsAccount leaves it. Writes nothing; the AWS side is the plan a
    /// run would carry out, so drift means exactly "a run would change this".
    /// </summary>
    public sealed class AccountDrift
    {
        private const string Rerun = "Run Register-DtAwsAccount for this account again.";

        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;

        public AccountDrift(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _retry = retry ?? RetryPolicy.Default;
        }

        /// <summary>Tests one account; yields its one result whatever happens, a failure as Status Failed with Error and ErrorId.</summary>
        /// <param name="aws">Null skips the AWS checks.</param>
        public async Task<AccountTestResult> TestAsync(string accountId, string? connectionName, AwsCredentialOptions? aws,
            string roleName, string? policyNamePrefix, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var result = new AccountTestResult
            {
                AccountId = accountId?.Trim() ?? "",
                ConnectionName = string.IsNullOrWhiteSpace(connectionName) ? "aws-" + accountId?.Trim() : connectionName!.Trim(),
            };
            try
            {
                var checks = await CheckAsync(accountId!, connectionName, aws, roleName, policyNamePrefix, name => result.ConnectionName = name, ct)
                    .ConfigureAwait(false);
                result.Checks = new ReportList<AccountCheck>(checks);
                result.FailedChecks = new ReportList<string>(checks.Where(c => c.Result == CheckResult.Fail).Select(c => c.Check));
                result.Status = result.FailedChecks.Count == 0 ? TestStatus.Pass : TestStatus.Drift;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                result.Status = TestStatus.Failed;
                result.Fail(ex);
            }
            result.DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            return result;
        }

        /// <summary>The checks of one account; throws when it cannot finish them.</summary>
        /// <param name="aws">Null skips the AWS checks.</param>
        public Task<IReadOnlyList<AccountCheck>> CheckAsync(string accountId, string? connectionName, AwsCredentialOptions? aws,
            string roleName, string? policyNamePrefix, CancellationToken ct) =>
            CheckAsync(accountId, connectionName, aws, roleName, policyNamePrefix, _ => { }, ct);

        /// <param name="found">Told the name of the connection the checks found for the account.</param>
        private async Task<IReadOnlyList<AccountCheck>> CheckAsync(string accountId, string? connectionName, AwsCredentialOptions? aws,
            string roleName, string? policyNamePrefix, Action<string> found, CancellationToken ct)
        {
            InputRules.AccountId(accountId);
            if (aws != null) MonitoringRoleSpec.CheckNames(roleName, policyNamePrefix);
            var checks = new List<AccountCheck>();
            void Add(string check, bool pass, string detail, string? fix = Rerun) =>
                checks.Add(new AccountCheck(accountId, check, pass ? CheckResult.Pass : CheckResult.Fail, detail, pass ? null : fix));

            var configurations = new MonitoringConfigurations(_environment, _log, _retry);
            var configuration = await configurations.FindByAccountAsync(accountId, ct).ConfigureAwait(false);
            var all = await new AwsConnections(_environment, _log, _retry).ListAsync(ct).ConfigureAwait(false);
            var connection = all.FirstOrDefault(c => c.ConnectionId == configuration?.ConnectionId)
                             ?? all.FirstOrDefault(c => c.ConnectionName == (connectionName ?? "aws-" + accountId))
                             ?? all.FirstOrDefault(c => InputRules.AccountOfRoleArn(c.RoleArn) == accountId);
            if (connection != null) found(connection.ConnectionName);

            Add("ConnectionExists", connection != null, connection is null ? "No AWS connection for the account." : $"'{connection.ConnectionName}' ({connection.ConnectionId})");
            Add("RoleArnSet", connection?.RoleArn.Length > 0, connection?.RoleArn is { Length: > 0 } arn ? arn : "The connection has no role ARN.");
            Add("ConfigurationExists", configuration != null, configuration is null ? "No monitoring configuration for the account." : $"'{configuration.Description}' ({configuration.ConfigurationId})");
            if (configuration != null)
            {
                Add("ConfigurationEnabled", configuration.Enabled, configuration.Enabled ? "Enabled" : "Disabled", "Run Enable-DtMonitoringConfiguration.");
                Add("ConfigurationUsesConnection", configuration.ConnectionId == connection?.ConnectionId,
                    $"The configuration names the connection {configuration.ConnectionId}.");
                var status = await configurations.StatusAsync(configuration.ConfigurationId, ct).ConfigureAwait(false);
                Add("ConfigurationStatus", status.Status == "OK" || status.Status == "PENDING", status.Status,
                    "Check the role and the connection; Get-DtMonitoringConfigurationStatus shows the current status.");
            }

            if (aws is null) return checks;
            var access = await AwsAccountAccess.OpenAsync(accountId, aws, _log, _retry, ct).ConfigureAwait(false);
            if (connection is null)
            {
                // Nothing to compare the role with; whether it is still there is what an offboarding check wants to know.
                var role = await FindRoleAsync(access, roleName, ct).ConfigureAwait(false);
                Add("RoleExists", role != null, role?.Arn ?? $"No role {roleName} in the account.");
                checks.Add(new AccountCheck(accountId, "RoleTrustsConnection", CheckResult.Skipped, "No connection, so no external id to check."));
                return checks;
            }
            var spec = new MonitoringRoleSpec
            {
                AccountId = accountId, ConnectionId = connection.ConnectionId, EnvironmentId = _environment.EnvironmentId,
                TrustedAccountId = TrustPolicy.AccountFor(_environment), RoleName = roleName, PolicyNamePrefix = policyNamePrefix,
            };
            var state = await new MonitoringRoles(access, _log, _retry).ReadAsync(spec, readPoliciesOfAbsentRole: true, ct).ConfigureAwait(false);
            var expectedArn = state.Role?.Arn ?? $"arn:{access.Partition.Id}:iam::{accountId}:role{spec.RolePath}{roleName}";
            Add("RoleExists", state.Role != null, state.Role?.Arn ?? $"No role {roleName} in the account.");
            var trusted = TrustPolicy.ExternalIdRequiredOf(state.Role?.AssumeRolePolicyDocument, spec.TrustedAccountId);
            Add("RoleTrustsConnection", trusted == connection.ConnectionId,
                trusted == connection.ConnectionId ? $"External id {connection.ConnectionId}"
                : trusted is null ? $"The role does not let {TrustPolicy.PrincipalArn(spec.TrustedAccountId)} assume it with an external id."
                : $"The role trusts the external id {trusted}, not the connection's {connection.ConnectionId}.");
            var outdated = state.Policies.Where(p => p.Value != PolicyState.Current).Select(p => $"{p.Key} {(p.Value == PolicyState.Absent ? "is missing" : "differs")}").ToArray();
            Add("PoliciesCurrent", outdated.Length == 0, outdated.Length == 0 ? "Both policies match Dynatrace's documents." : string.Join("; ", outdated));
            var detached = state.Policies.Keys.Where(name => state.Attached.All(a => a.PolicyName != name)).ToArray();
            Add("PoliciesAttached", detached.Length == 0, detached.Length == 0 ? "Both policies are attached." : "Missing: " + string.Join("; ", detached));
            Add("RoleArnMatches", connection.RoleArn == expectedArn, $"The connection names {connection.RoleArn}; the role is {expectedArn}.");
            return checks;
        }

        private async Task<IamRole?> FindRoleAsync(AwsAccountAccess access, string roleName, CancellationToken ct)
        {
            try
            {
                return await access.Iam(_retry, _log).GetRoleAsync(roleName, ct).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.NoSuchEntity)
            {
                return null;
            }
        }
    }
}
