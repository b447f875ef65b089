using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// The engine of Unregister-DtAwsAccount, and of Sync-DtAwsOrganization for departed accounts.
    /// For each account it first does everything that needs no write (the request's values, AWS
    /// reachability unless the AWS side is kept, the reads of both clouds) and plans the deletes in
    /// a safe order: the monitoring configuration (Dynatrace stops polling), the connections, then
    /// in AWS the attachments, the role and the policies. Whoever runs it approves the plan; only
    /// then is it applied. What cannot go is known before any write and reported as a leftover.
    /// </summary>
    public sealed class AccountRemoval
    {
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;
        private readonly AwsConnections _connections;
        private readonly MonitoringConfigurations _configurations;
        private readonly CallerIdentities _callers = new CallerIdentities();
        private EnvironmentSnapshot? _snapshot;

        /// <summary>The environment's connections and configurations are read once per instance, for every account it removes.</summary>
        public AccountRemoval(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _log = RedactingLog.Wrap(log);
            _retry = retry ?? RetryPolicy.Default;
            _connections = new AwsConnections(environment, _log, _retry);
            _configurations = new MonitoringConfigurations(environment, _log, _retry);
        }

        /// <summary>The warning, once per run, that offboarding left something in place in these accounts.</summary>
        public static string LeftoversWarning(IReadOnlyCollection<string> accounts) =>
            $"Offboarding left things in place in {AccountList.Named(accounts)}: the Leftovers of their results say what stays and why.";

        /// <summary>Offboards one account; yields its one result whatever happens.</summary>
        /// <param name="approve">Asked when the plan has changes; only an approved plan is applied.</param>
        public async Task<RemovalResult> RemoveAsync(RemovalRequest request, Func<Plan<RemovalResult>, Task<Approval>> approve, CancellationToken ct)
        {
            var result = new RemovalResult { AccountId = request.AccountId?.Trim() ?? "", ConnectionName = request.ConnectionName?.Trim() ?? "" };
            var clock = Stopwatch.StartNew();
            var step = OnboardingStep.Validate;
            Plan<RemovalResult>? plan = null;
            var stepOf = new Dictionary<PlannedChange, string>();
            try
            {
                var accountId = InputRules.AccountId(request.AccountId);
                var connectionName = string.IsNullOrWhiteSpace(request.ConnectionName) ? "aws-" + accountId : request.ConnectionName!.Trim();
                result.ConnectionName = connectionName;
                if (request.Aws != null)
                {
                    MonitoringRoleSpec.CheckNames(request.RoleName, request.PolicyNamePrefix);
                    if (!string.IsNullOrEmpty(request.Aws.AssumeRoleName)) InputRules.AssumeRoleName(request.Aws.AssumeRoleName);
                }

                AwsAccountAccess? access = null;
                if (request.Aws != null)
                {
                    step = OnboardingStep.Reachability;
                    access = await AwsAccountAccess.OpenAsync(accountId, request.Aws, _log, _retry, ct, _callers).ConfigureAwait(false);
                }

                step = OnboardingStep.Read;
                var snapshot = LazyInitializer.EnsureInitialized(ref _snapshot, () => new EnvironmentSnapshot(_connections, _configurations, ct))!;
                var configuration = await snapshot.ConfigurationOfAsync(accountId).ConfigureAwait(false);
                var connections = ConnectionsOf(await snapshot.ConnectionsAsync().ConfigureAwait(false), accountId, connectionName, configuration);
                if (connections.Count > 0) result.ConnectionName = connections[0].ConnectionName;

                var builder = new PlanBuilder();
                var dynatrace = AddDynatrace(builder, configuration, connections, stepOf);
                var leftovers = access is null
                    ? Array.Empty<string>()
                    : await new MonitoringRoles(access, _log, _retry).AddRemovalToAsync(builder, request.RoleName, request.PolicyNamePrefix, dynatrace, ct).ConfigureAwait(false);
                AccountRegistration.Mark(builder, stepOf, OnboardingStep.Role);
                result.Leftovers = new ReportList<string>(leftovers);
                var target = $"AWS account {accountId}" + (connections.Count > 0 ? $" ('{connections[0].ConnectionName}')" : "");
                plan = builder.Build(target, () => result, $"{target}: nothing to remove" + (leftovers.Count > 0 ? " that can go." : "."));

                if (!plan.HasChanges)
                {
                    _log.Verbose(plan.Unchanged);
                    return Finish(result, leftovers.Count > 0 ? RemovalStatus.Partial : RemovalStatus.NothingToRemove, ChangeList.Empty, clock);
                }
                switch (await approve(plan).ConfigureAwait(false))
                {
                    case Approval.WhatIf:
                        return Finish(result, RemovalStatus.Planned, new ChangeList(plan.Changes), clock);
                    case Approval.Declined:
                        Finish(result, RemovalStatus.Skipped, new ChangeList(plan.Changes), clock);
                        result.Error = "Declined at the confirmation prompt; nothing was removed.";
                        return result;
                }
                await plan.ApplyAsync(ct).ConfigureAwait(false);
                return Finish(result, leftovers.Count > 0 ? RemovalStatus.Partial : RemovalStatus.Removed, new ChangeList(plan.Applied), clock);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                if (plan?.Failed is { } change) step = stepOf[change];
                Finish(result, RemovalStatus.Failed, plan is null ? ChangeList.Empty : new ChangeList(plan.Applied), clock);
                result.Step = step;
                result.Fail(ex);
                return result;
            }
        }

        /// <summary>
        /// The connection the configuration names first, then any whose role is in the account, and
        /// the one of that name when it has no role yet (a run stopped before the role ARN).
        /// </summary>
        private static IReadOnlyList<AwsConnection> ConnectionsOf(IEnumerable<AwsConnection> all, string accountId, string name,
            MonitoringConfiguration? configuration) =>
            all.Where(c => c.ConnectionId == configuration?.ConnectionId || c.AccountId == accountId || (c.ConnectionName == name && c.AccountId is null))
                .OrderBy(c => c.ConnectionId == configuration?.ConnectionId ? 0 : 1)
                .ToArray();

        /// <summary>
        /// The configuration, then the other connections. Dynatrace removes a deleted configuration's
        /// connection itself, in the background: its recommended way to delete a connection (docs/api-facts.md).
        /// </summary>
        private IReadOnlyList<PlanStep> AddDynatrace(PlanBuilder plan, MonitoringConfiguration? configuration, IReadOnlyList<AwsConnection> connections,
            Dictionary<PlannedChange, string> stepOf)
        {
            PlanStep? configurationDeleted = null;
            if (configuration != null)
            {
                var own = connections.FirstOrDefault(c => c.ConnectionId == configuration.ConnectionId);
                configurationDeleted = plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete,
                        $"monitoring configuration '{configuration.Description}' ({configuration.ConfigurationId}), and with it AWS connection "
                        + (own is null ? configuration.ConnectionId : $"'{own.ConnectionName}'")),
                    ct => _configurations.DeleteAsync(configuration.ConfigurationId, ct));
            }
            AccountRegistration.Mark(plan, stepOf, OnboardingStep.Configuration);
            var connectionsDeleted = connections.Where(c => c.ConnectionId != configuration?.ConnectionId)
                .Select(c => plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete, $"AWS connection '{c.ConnectionName}' ({c.ConnectionId})"),
                    ct => _connections.DeleteAsync(c.ConnectionId, ct), configurationDeleted))
                .ToArray();
            AccountRegistration.Mark(plan, stepOf, OnboardingStep.Connection);
            return configurationDeleted is null ? connectionsDeleted : connectionsDeleted.Append(configurationDeleted).ToArray();
        }

        private static RemovalResult Finish(RemovalResult result, string status, ChangeList changes, Stopwatch clock)
        {
            result.Status = status;
            result.Changes = changes;
            result.DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            return result;
        }
    }
}
