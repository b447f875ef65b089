using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// The engine of Register-DtAwsAccount: each account through connection, role, role ARN and
    /// monitoring configuration, reusing what exists, several accounts at once. A failed account
    /// stops at its step and the others go on; every step is idempotent, so a rerun resumes.
    /// </summary>
    public sealed partial class AccountRegistration
    {
        private readonly DynatraceEnvironment _environment;
        private readonly RegistrationOptions _options;
        private readonly ICoreLog _log;
        private readonly RetryPolicy _retry;
        private readonly AwsConnections _connections;
        private readonly MonitoringConfigurations _configurations;
        private readonly ExtensionVersions _versions;

        public AccountRegistration(DynatraceEnvironment environment, RegistrationOptions options, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _options = options;
            _log = RedactingLog.Wrap(log);
            _retry = retry ?? RetryPolicy.Default;
            _connections = new AwsConnections(environment, _log, _retry);
            _configurations = new MonitoringConfigurations(environment, _log, _retry);
            _versions = new ExtensionVersions(environment, _log, _retry);
        }

        /// <summary>Onboards the accounts; <paramref name="finished"/> hears of each as soon as it ends, from any thread.</summary>
        public async Task RunAsync(IReadOnlyList<AccountRequest> requests, Action<AccountResult> finished, CancellationToken ct)
        {
            var snapshot = new EnvironmentSnapshot(_connections, _configurations, ct);
            var rejected = DuplicateRows(requests);
            var gate = new SemaphoreSlim(Math.Max(1, _options.ThrottleLimit));
            var done = 0;
            var tasks = requests.Select(async request =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    var result = rejected.TryGetValue(request, out var duplicate)
                        ? Failed(request, OnboardingStep.Validate, duplicate, Stopwatch.StartNew())
                        : await OnboardAsync(request, snapshot, ct).ConfigureAwait(false);
                    var count = Interlocked.Increment(ref done);
                    _log.Progress(new ProgressReport("Onboarding AWS accounts", $"{count} of {requests.Count} done; {result.AccountId}: {result.Status}",
                        100 * count / Math.Max(1, requests.Count)));
                    finished(result);
                }
                finally
                {
                    gate.Release();
                }
            }).ToArray();
            await Task.WhenAll(tasks).ConfigureAwait(false);
            _log.Progress(new ProgressReport("Onboarding AWS accounts", "Done", 100, completed: true));
        }

        private async Task<AccountResult> OnboardAsync(AccountRequest request, EnvironmentSnapshot snapshot, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var changes = new List<string>();
            var result = new AccountResult { AccountId = request.AccountId?.Trim() ?? "", Name = request.Name ?? "", Source = request.Source };
            var step = OnboardingStep.Validate;
            try
            {
                var account = Validate(request);
                result.Name = account.Name;
                if (_environment.IsClassic)
                    return await OnboardClassicAsync(request, account, result, changes, clock, at => step = at, ct).ConfigureAwait(false);

                step = OnboardingStep.Connection;
                Report(account, step);
                var connection = (await snapshot.ConnectionNamedAsync(account.Name).ConfigureAwait(false))?.RequireAccount(account.AccountId)
                                 ?? await snapshot.ConnectionOfConfigurationAsync(account.AccountId).ConfigureAwait(false);
                AwsConnection? created = null;
                if (connection is null)
                {
                    changes.Add($"Dynatrace: create AWS connection '{account.Name}'");
                    if (!_options.PlanOnly)
                    {
                        var outcome = await _connections.CreateAsync(account.Name, account.AccountId, ct).ConfigureAwait(false);
                        connection = outcome.Item;
                        if (outcome.Changed) created = connection;
                    }
                }
                result.ConnectionId = connection?.ConnectionId;
                // The account's configuration may use a connection of another name than the row asks for.
                if (connection != null) result.Name = connection.Name;

                step = OnboardingStep.Role;
                Report(account, step);
                var access = await AwsAccountAccess.OpenAsync(account.AccountId, AwsOptions(request), _log, _retry, ct).ConfigureAwait(false);
                var roles = new MonitoringRoles(access, _log, _retry);
                var spec = RoleSpec(request, account, connection?.ConnectionId ?? "(new connection id)");
                // An account new to this environment is most likely new to AWS too: create first, read only on conflict.
                var role = _options.PlanOnly ? await roles.PlanAsync(spec, ct).ConfigureAwait(false)
                    : created != null ? await roles.EnsureNewAsync(spec, ct).ConfigureAwait(false)
                    : await roles.EnsureAsync(spec, ct).ConfigureAwait(false);
                changes.AddRange(role.Created.Select(c => "AWS: create " + c));
                changes.AddRange(role.Updated.Select(u => "AWS: " + u));
                result.RoleArn = role.RoleArn;

                step = OnboardingStep.RoleArn;
                Report(account, step);
                if (connection?.RoleArn != role.RoleArn)
                {
                    if (_options.PlanOnly && connection?.RoleArn is { Length: > 0 } current && !_options.Force)
                        throw new DynatraceAwsException("RoleArnAlreadySet", FailureCategory.ResourceExists,
                            $"AWS connection '{connection.Name}' already uses the role {current}, not {role.RoleArn}.",
                            "Pass -Force to replace the role ARN, or use a connection made for this role.");
                    changes.Add($"Dynatrace: set role ARN {role.RoleArn} on '{result.Name}'");
                    if (!_options.PlanOnly)
                        connection = (await _connections.SetRoleArnAsync(connection!.ConnectionId, role.RoleArn, RoleArnOptions(), created, ct).ConfigureAwait(false)).Item;
                }

                step = OnboardingStep.Configuration;
                Report(account, step);
                var configuration = await snapshot.ConfigurationOfAsync(account.AccountId).ConfigureAwait(false);
                if (configuration is null)
                {
                    if (_options.PlanOnly) await _versions.GetAsync(ExtensionVersions.DaAws, ct).ConfigureAwait(false);
                    var configurationSpec = account.Configuration;
                    configurationSpec.ConnectionId = connection?.ConnectionId ?? "(new connection id)";
                    changes.Add($"Dynatrace: create monitoring configuration '{configurationSpec.Description}' ({string.Join(", ", configurationSpec.Regions)})");
                    if (!_options.PlanOnly)
                        configuration = (await _configurations.CreateAsync(configurationSpec, ct).ConfigureAwait(false)).Item;
                }
                result.ConfigurationId = configuration?.ConfigurationId;

                result.Status = _options.PlanOnly ? AccountStatus.Planned : changes.Count > 0 ? AccountStatus.Onboarded : AccountStatus.AlreadyOnboarded;
                result.Changes = changes;
                result.Duration = clock.Elapsed;
                return result;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                var failed = Failed(request, step, ex, clock);
                failed.Name = result.Name;
                failed.ConnectionId = result.ConnectionId;
                failed.RoleArn = result.RoleArn;
                failed.Changes = changes;
                return failed;
            }
        }

        private ValidAccount Validate(AccountRequest request)
        {
            var accountId = InputRules.AccountId(request.AccountId);
            var name = InputRules.ConnectionName(string.IsNullOrWhiteSpace(request.Name) ? "aws-" + accountId : request.Name!.Trim());
            var regions = request.Region is { Count: > 0 } ? request.Region : _options.Region;
            foreach (var region in InputRules.SplitList(regions)) AwsPartition.ForDynatraceMonitoring(InputRules.Region(region));
            var configuration = _configurations.Normalize(new MonitoringConfigurationSpec
            {
                AccountId = accountId,
                ConnectionId = "(validated later)",
                ConnectionName = name,
                Regions = regions ?? new[] { MonitoringConfigurationDocument.GlobalRegion },
                FeatureSets = request.FeatureSet is { Count: > 0 } ? request.FeatureSet : _options.FeatureSet,
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description!.Trim(),
            });
            // The AWS-side names too, so a bad one fails here and not after the connection was created.
            InputRules.IamName(string.IsNullOrWhiteSpace(request.RoleName) ? _options.RoleName : request.RoleName!.Trim(), "RoleName", 64);
            if (!string.IsNullOrEmpty(_options.PolicyNamePrefix))
                InputRules.IamName(_options.PolicyNamePrefix + MonitoringPolicies.SecondName, "PolicyNamePrefix", 128);
            var assumeRoleName = AwsOptions(request).AssumeRoleName;
            if (!string.IsNullOrEmpty(assumeRoleName)) InputRules.AssumeRoleName(assumeRoleName);
            return new ValidAccount(accountId, name, configuration);
        }

        /// <summary>The same account or connection name twice in one run: the later rows fail, the first goes on.</summary>
        private static Dictionary<AccountRequest, Exception> DuplicateRows(IReadOnlyList<AccountRequest> requests)
        {
            var rejected = new Dictionary<AccountRequest, Exception>();
            var accounts = new Dictionary<string, AccountRequest>(StringComparer.Ordinal);
            var names = new Dictionary<string, AccountRequest>(StringComparer.Ordinal);
            foreach (var request in requests)
            {
                var account = request.AccountId?.Trim() ?? "";
                var name = string.IsNullOrWhiteSpace(request.Name) ? "aws-" + account : request.Name!.Trim();
                if (account.Length > 0 && accounts.TryGetValue(account, out var first))
                    rejected[request] = new InvalidInputException("DuplicateAccount", "AccountId", account,
                        $"appears again{At(request)}; only its first row ({first.Source ?? "the first"}) is used", "Remove the duplicate row.");
                else if (names.TryGetValue(name, out var firstNamed))
                    rejected[request] = new InvalidInputException("DuplicateConnectionName", "Name", name,
                        $"is used again{At(request)}, for another account than {firstNamed.AccountId}", "Give each account its own connection name.");
                else
                {
                    if (account.Length > 0) accounts[account] = request;
                    names[name] = request;
                }
            }
            return rejected;

            static string At(AccountRequest r) => r.Source is null ? "" : " in " + r.Source;
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
            Force = _options.Force,
            PropagationTimeout = _options.RoleArn.PropagationTimeout,
            FirstRetryDelay = _options.RoleArn.FirstRetryDelay,
            MaxRetryDelay = _options.RoleArn.MaxRetryDelay,
        };

        private void Report(ValidAccount account, OnboardingStep step) => _log.Debug($"Account {account.AccountId}: {step}.");

        private static AccountResult Failed(AccountRequest request, OnboardingStep step, Exception error, Stopwatch clock) => new AccountResult
        {
            AccountId = request.AccountId?.Trim() ?? "",
            Name = request.Name ?? "",
            Source = request.Source,
            Status = AccountStatus.Failed,
            FailedStep = step,
            Error = Redactor.Redact(error.Message),
            ErrorId = Failure.Of(error).ErrorId,
            Exception = error,
            Duration = clock.Elapsed,
        };

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
            public MonitoringConfigurationSpec Configuration { get; }
        }
    }
}
