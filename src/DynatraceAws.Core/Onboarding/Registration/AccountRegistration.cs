using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// The engine of Register-DtAwsAccount, several accounts at once. For each account it first does
    /// everything that needs no write (the row's values, AWS reachability, the reads of both clouds)
    /// and plans what the account lacks; whoever runs it approves the plan; then the plan is applied,
    /// each change after those it depends on. An account fails alone, and a rerun resumes it.
    /// </summary>
    public sealed partial class AccountRegistration
    {
        private readonly DynatraceEnvironment _environment;
        private readonly RegistrationOptions _options;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;
        private readonly AwsConnections _connections;
        private readonly MonitoringConfigurations _configurations;
        private readonly CallerIdentities _callers = new CallerIdentities();
        private readonly ConcurrentQueue<string> _addedGlobalRegion = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _keptConnectionNames = new ConcurrentQueue<string>();
        private readonly ConcurrentDictionary<string, bool> _writing = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public AccountRegistration(DynatraceEnvironment environment, RegistrationOptions options, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _options = options;
            _log = RedactingLog.Wrap(log);
            _retry = (retry ?? RetryPolicy.Default).WithBreakers(options.Breakers);
            _connections = new AwsConnections(environment, _log, _retry);
            _configurations = new MonitoringConfigurations(environment, _log, _retry);
        }

        /// <summary>
        /// The accounts whose writes are under way: if the run is stopped now, these may be left half
        /// onboarded (a rerun finishes them); every other account is either untouched or complete.
        /// </summary>
        public IReadOnlyCollection<string> Writing => _writing.Keys.OrderBy(a => a, StringComparer.Ordinal).ToArray();

        /// <summary>Onboards the accounts; each yields exactly one result, heard by <paramref name="finished"/> as soon as it ends, from any thread.</summary>
        /// <param name="approve">Asked once per account whose plan has changes; only an approved plan is applied.</param>
        public async Task RunAsync(IReadOnlyList<AccountRequest> requests, Func<Plan<AccountResult>, Task<Approval>> approve,
            Action<AccountResult> finished, CancellationToken ct)
        {
            var run = StartRun(approve, finished, ct);
            foreach (var request in requests) run.Add(request);
            run.Complete();
            await run.Completion.ConfigureAwait(false);
        }

        /// <summary>
        /// A run that onboards rows as they are added (<see cref="RegistrationRun.Add"/>), at most
        /// ThrottleLimit at once; each yields exactly one result, heard by <paramref name="finished"/>
        /// as soon as it ends, from any thread. One engine runs once.
        /// </summary>
        /// <param name="approve">Asked once per account whose plan has changes; only an approved plan is applied.</param>
        public RegistrationRun StartRun(Func<Plan<AccountResult>, Task<Approval>> approve, Action<AccountResult> finished, CancellationToken ct)
        {
            var snapshot = new EnvironmentSnapshot(_connections, _configurations, ct);
            var done = 0;
            var unreached = 0;
            RegistrationRun? run = null;
            run = new RegistrationRun(_options.ThrottleLimit,
                (request, duplicate) => duplicate is null
                    ? OnboardAsync(request, snapshot, approve, ct)
                    : Task.FromResult(Failed(Start(request), OnboardingStep.Validate, duplicate, Stopwatch.StartNew())),
                result =>
                {
                    var count = Interlocked.Increment(ref done);
                    if (result.ErrorId == EndpointUnavailable) Interlocked.Increment(ref unreached);
                    var added = run!.Added;
                    _log.Progress(new ProgressReport("Onboarding AWS accounts", $"{count} of {added} done; {result.AccountId}: {result.Status}",
                        100 * count / Math.Max(1, added)));
                    finished(result);
                },
                () =>
                {
                    _log.Progress(new ProgressReport("Onboarding AWS accounts", "Done", 100, completed: true));
                    WarnOfAddedGlobalRegion();
                    WarnOfKeptConnectionNames();
                    WarnOfOutages(Volatile.Read(ref unreached));
                },
                ct);
            return run;
        }

        private async Task<AccountResult> OnboardAsync(AccountRequest request, EnvironmentSnapshot snapshot,
            Func<Plan<AccountResult>, Task<Approval>> approve, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var result = Start(request);
            var step = OnboardingStep.Validate;
            Plan<AccountResult>? plan = null;
            var stepOf = new Dictionary<PlannedChange, string>();
            var addedGlobalRegion = false;
            try
            {
                var account = Validate(request);
                result.ConnectionName = account.Name;
                Task<AwsAccountAccess>? opening = null;
                if (!_environment.IsClassic)
                {
                    // The first good row starts the run's reads. A row whose regions and feature sets the offline
                    // catalogue knows starts its AWS check meanwhile (it only reads); any other waits for the
                    // environment's schema to accept them, so a made-up region is never taken to AWS.
                    snapshot.Prefetch();
                    if (MonitoringConfigurations.OfflineAccepts(account.Configuration)) opening = OpenAsync(account, request, ct);
                    else AwsAccountAccess.KnowCaller(AwsOptions(request), _log, _retry, _callers, ct);
                    try
                    {
                        step = OnboardingStep.Read;
                        var choices = await snapshot.ChoicesAsync().ConfigureAwait(false);
                        step = OnboardingStep.Validate;
                        account.Configuration = MonitoringConfigurations.Normalize(account.Configuration, choices, out addedGlobalRegion);
                    }
                    catch
                    {
                        // The row fails here; what its AWS check finds no longer matters.
                        _ = opening?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                        throw;
                    }
                }

                step = OnboardingStep.Reachability;
                var access = await (opening ?? OpenAsync(account, request, ct)).ConfigureAwait(false);

                step = OnboardingStep.Read;
                _log.Debug($"Account {account.AccountId}: reading both clouds.");
                var builder = new PlanBuilder();
                var planned = _environment.IsClassic
                    ? await PlanClassicAsync(builder, request, account, access, stepOf, ct).ConfigureAwait(false)
                    : await PlanAsync(builder, request, account, access, snapshot, stepOf, ct).ConfigureAwait(false);
                plan = builder.Build($"AWS account {account.AccountId} ('{account.Name}')", () => planned(result));
                // Said only where the configuration's regions are (or would be) written: neither a rerun that
                // changes nothing nor a declined account warns.
                var writesGlobalRegion = addedGlobalRegion && stepOf.ContainsValue(OnboardingStep.Configuration);

                if (!plan.HasChanges)
                    return Finish(plan.Result(), AccountStatus.Unchanged, ChangeList.Empty, clock);
                switch (await approve(plan).ConfigureAwait(false))
                {
                    case Approval.WhatIf:
                        if (writesGlobalRegion) _addedGlobalRegion.Enqueue(account.AccountId);
                        return Finish(plan.Result(), AccountStatus.Planned, new ChangeList(plan.Changes), clock);
                    case Approval.Declined:
                        var skipped = Finish(plan.Result(), AccountStatus.Skipped, new ChangeList(plan.Changes), clock);
                        skipped.Error = "Declined at the confirmation prompt; nothing was written.";
                        return skipped;
                }
                // Nothing is started for an account whose writes need an endpoint the run gave up on.
                step = OnboardingStep.Reachability;
                _options.Breakers.ThrowIfOpen(_environment.Requests.Endpoint);
                _options.Breakers.ThrowIfOpen(Aws.Iam.IamClient.EndpointName(access.IamEndpoint));
                _writing[account.AccountId] = true;
                try
                {
                    await plan.ApplyAsync(ct).ConfigureAwait(false);
                }
                finally
                {
                    _writing.TryRemove(account.AccountId, out _);
                }
                if (writesGlobalRegion) _addedGlobalRegion.Enqueue(account.AccountId);
                return Finish(plan.Result(), AccountStatus.Onboarded, new ChangeList(plan.Applied), clock);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                if (plan?.Failed is { } change) step = stepOf[change];
                var failed = Failed(plan is null ? result : plan.Result(), step, ex, clock);
                if (plan != null) failed.Changes = new ChangeList(plan.Applied);
                return failed;
            }
        }

        /// <summary>The connection, the role (with its policies), the role ARN and the configuration, as the account lacks them.</summary>
        private async Task<Func<AccountResult, AccountResult>> PlanAsync(PlanBuilder plan, AccountRequest request, ValidAccount account,
            AwsAccountAccess access, EnvironmentSnapshot snapshot, Dictionary<PlannedChange, string> stepOf, CancellationToken ct)
        {
            var configuration = await snapshot.ConfigurationOfAsync(account.AccountId).ConfigureAwait(false);
            // The account's configuration may use a connection of another name than the row asks for.
            var connection = (await snapshot.ConnectionNamedAsync(account.Name).ConfigureAwait(false))?.RequireAccount(account.AccountId)
                             ?? await snapshot.ConnectionOfConfigurationAsync(account.AccountId).ConfigureAwait(false);
            // A connection is never renamed (a name is all a pipe from Get-DtAwsOrganizationAccount may differ in); the row is told so.
            if (connection != null && connection.ConnectionName != account.Name && !string.IsNullOrWhiteSpace(request.Name))
                _keptConnectionNames.Enqueue(account.AccountId);
            var roles = new MonitoringRoles(access, _log, _retry);
            var spec = RoleSpec(request, account, connection?.ConnectionId ?? "");
            var roleState = await roles.ReadAsync(spec, readPoliciesOfAbsentRole: false, ct).ConfigureAwait(false);

            var live = new LiveConnection(connection);
            PlanStep? created = null;
            if (connection is null)
                created = plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"AWS connection '{account.Name}'", after: $"for account {account.AccountId}"),
                    async ct2 => live.Created(await _connections.CreateAsync(account.Name, account.AccountId, ct2).ConfigureAwait(false)));
            Mark(plan, stepOf, OnboardingStep.Connection);

            var role = roles.AddTo(plan, spec, roleState, () => live.Connection!.ConnectionId, created);
            Mark(plan, stepOf, OnboardingStep.Role);

            PlanStep? roleArnSet = null;
            if (connection != null) AwsConnections.RequireRoleArnFree(connection, role.RoleArn);
            if (connection?.RoleArn != role.RoleArn)
                roleArnSet = plan.Add(AwsConnections.RoleArnChange(connection?.ConnectionName ?? account.Name, role.RoleArn),
                    async ct2 => live.Connection = await _connections.SetRoleArnAsync(live.Connection!.ConnectionId, role.RoleArn, RoleArnOptions(),
                        live.Known, ct2).ConfigureAwait(false),
                    created, role.TrustReady);
            Mark(plan, stepOf, OnboardingStep.RoleArn);

            account.Configuration.ConnectionName = connection?.ConnectionName ?? account.Name;
            var configured = _configurations.AddTo(plan, account.Configuration, configuration, () => live.Connection!.ConnectionId, created, roleArnSet);
            Mark(plan, stepOf, OnboardingStep.Configuration);

            return result =>
            {
                result.ConnectionName = live.Connection?.ConnectionName ?? account.Name;
                result.ConnectionId = live.Connection?.ConnectionId;
                result.RoleArn = role.RoleArn;
                result.ConfigurationId = configured.Configuration?.ConfigurationId;
                return result;
            };
        }

        /// <summary>Every change added since the last mark belongs to <paramref name="step"/>, for the result of a failed write.</summary>
        internal static void Mark(PlanBuilder plan, Dictionary<PlannedChange, string> stepOf, string step)
        {
            foreach (var added in plan.Steps.Where(s => !stepOf.ContainsKey(s.Change))) stepOf[added.Change] = step;
        }

        private ValidAccount Validate(AccountRequest request)
        {
            var accountId = InputRules.AccountId(request.AccountId);
            var name = InputRules.ConnectionName(string.IsNullOrWhiteSpace(request.Name) ? "aws-" + accountId : request.Name!.Trim());
            var configuration = new MonitoringConfigurationSpec
            {
                AccountId = accountId,
                ConnectionName = name,
                Regions = request.Region is { Count: > 0 } ? request.Region : _options.Region,
                FeatureSets = request.FeatureSet is { Count: > 0 } ? request.FeatureSet : _options.FeatureSet,
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description!.Trim(),
            };
            if (_environment.IsClassic)
                foreach (var region in InputRules.SplitList(configuration.Regions)) DaAwsChoices.Offline.Region(region);
            else
                MonitoringConfigurations.CheckShapes(configuration);
            var account = new ValidAccount(accountId, name, configuration);
            // The AWS side too, so that nothing is written for a row IAM would refuse.
            MonitoringRoleSpec.Validate(RoleSpec(request, account, "(checked)"));
            var assumeRoleName = AwsOptions(request).AssumeRoleName;
            if (!string.IsNullOrEmpty(assumeRoleName)) InputRules.AssumeRoleName(assumeRoleName);
            return account;
        }

        private Task<AwsAccountAccess> OpenAsync(ValidAccount account, AccountRequest request, CancellationToken ct)
        {
            _log.Debug($"Account {account.AccountId}: checking AWS access.");
            return AwsAccountAccess.OpenAsync(account.AccountId, AwsOptions(request), _log, _retry, ct, _callers);
        }

        private Aws.Credentials.AwsCredentialOptions AwsOptions(AccountRequest request)
        {
            var run = _options.Aws;
            var byProfile = !string.IsNullOrWhiteSpace(request.ProfileName);
            return new Aws.Credentials.AwsCredentialOptions
            {
                AccessKey = byProfile ? null : run.AccessKey,
                SecretKey = byProfile ? null : run.SecretKey,
                SessionToken = byProfile ? null : run.SessionToken,
                Credential = byProfile ? null : run.Credential,
                StoredCredential = run.StoredCredential,
                ProfileName = byProfile ? request.ProfileName!.Trim() : run.ProfileName,
                ProfileLocation = run.ProfileLocation,
                Region = run.Region,
                StoredRegion = run.StoredRegion,
                EndpointUrl = run.EndpointUrl,
                AssumeRoleName = string.IsNullOrWhiteSpace(request.AssumeRoleName) ? run.AssumeRoleName : request.AssumeRoleName!.Trim(),
            };
        }

        private MonitoringRoleSpec RoleSpec(AccountRequest request, ValidAccount account, string connectionId) => new MonitoringRoleSpec
        {
            AccountId = account.AccountId,
            ConnectionId = connectionId,
            EnvironmentId = _environment.EnvironmentId,
            TrustedAccountId = _options.TrustedAccountId ?? TrustPolicy.AccountFor(_environment),
            RoleName = string.IsNullOrWhiteSpace(request.RoleName) ? _options.RoleName : request.RoleName!.Trim(),
            PolicyNamePrefix = _options.PolicyNamePrefix,
            Tags = _options.Tags,
            Force = _options.Force,
        };

        private RoleArnOptions RoleArnOptions() => new RoleArnOptions
        {
            PropagationTimeout = _options.RoleArn.PropagationTimeout,
            FirstRetryDelay = _options.RoleArn.FirstRetryDelay,
            MaxRetryDelay = _options.RoleArn.MaxRetryDelay,
        };

        private const string EndpointUnavailable = "EndpointUnavailable";

        /// <summary>An endpoint the run gave up on is said once, with the accounts it left for a rerun.</summary>
        private void WarnOfOutages(int unreached)
        {
            foreach (var outage in _options.Breakers.Open)
                _log.Warning($"{outage}: the run stopped sending to it; {unreached} account(s) failed with EndpointUnavailable. Run the command again when it is back: it finishes them.");
        }

        /// <summary>us-east-1 added to many rows is said once per run, not once per row.</summary>
        private void WarnOfAddedGlobalRegion()
        {
            var accounts = _addedGlobalRegion.ToArray();
            if (accounts.Length > 0) _log.Warning(MonitoringConfigurationDocument.AddedGlobalRegion(accounts));
        }

        private void WarnOfKeptConnectionNames()
        {
            var accounts = _keptConnectionNames.ToArray();
            if (accounts.Length > 0)
                _log.Warning($"The connections of {AccountList.Named(accounts)} keep their names: a ConnectionName names a connection only when it is created. " +
                             "Each result's ConnectionName is the name in use.");
        }

        private static AccountResult Start(AccountRequest request) => new AccountResult
        {
            AccountId = request.AccountId?.Trim() ?? "",
            ConnectionName = request.Name?.Trim() ?? "",
            Source = request.Source,
        };

        private static AccountResult Finish(AccountResult result, string status, ChangeList changes, Stopwatch clock)
        {
            result.Status = status;
            result.Changes = changes;
            result.DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            return result;
        }

        private static AccountResult Failed(AccountResult result, string step, Exception error, Stopwatch clock)
        {
            // A bad value names its row, so that the error alone says which line of the CSV to fix.
            if (error is InvalidInputException input && result.Source != null) error = input.In(result.Source);
            Finish(result, AccountStatus.Failed, result.Changes, clock);
            result.Step = step;
            result.Fail(error);
            return result;
        }

        private sealed class ValidAccount
        {
            public ValidAccount(string accountId, string name, MonitoringConfigurationSpec configuration)
            {
                AccountId = accountId;
                Name = name;
                Configuration = configuration;
            }

            public string AccountId { get; }
            public string Name { get; }

            /// <summary>As the row gives it; normalised against what da-aws accepts once that is read.</summary>
            public MonitoringConfigurationSpec Configuration { get; set; }
        }
    }
}
