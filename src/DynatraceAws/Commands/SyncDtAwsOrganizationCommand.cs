using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Organizations;
using DynatraceAws.Core.Onboarding.Registration;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Reconciles a Dynatrace environment with the AWS organization: onboards the member accounts
    /// that have no monitoring configuration, reports the onboarded accounts that left the
    /// organization and, with -RemoveDeparted, offboards them.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "DtAwsOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SyncResult))]
    public sealed class SyncDtAwsOrganizationCommand : DtAwsOrganizationCmdlet
    {
        private const string MemberAccessRole = "OrganizationAccountAccessRole";

        private DynatraceEnvironment? _environment;

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        /// <summary>The connection name of a new member: {AccountName} and {AccountId} are replaced.</summary>
        [Parameter]
        public string NameTemplate { get; set; } = ConnectionNameTemplate.Default;

        /// <summary>Offboard the onboarded accounts that left the organization.</summary>
        [Parameter]
        public SwitchParameter RemoveDeparted { get; set; }

        /// <summary>Offboard only the Dynatrace side of departed accounts; leave the role and policies in AWS.</summary>
        [Parameter]
        public SwitchParameter KeepRole { get; set; }

        /// <summary>Skip the confirmation prompt of each offboarding.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Where to write the Markdown report of the run.</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(FeatureSetCompleter))]
        public string[]? FeatureSet { get; set; }

        [Parameter]
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        [Parameter]
        public string? PolicyNamePrefix { get; set; }

        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter]
        public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromMinutes(2);

        // One report for the whole command, however many OUs are piped in.
        private readonly Stopwatch _commandClock = Stopwatch.StartNew();
        private readonly List<SyncResult> _commandResults = new List<SyncResult>();
        private readonly List<string> _scopes = new List<string>();
        private readonly HashSet<string> _departedSeen = new HashSet<string>(StringComparer.Ordinal);

        private DynatraceEnvironment Environment => _environment ?? throw new InvalidOperationException("BeginProcessing resolves the environment.");

        // Listing the organization's accounts needs no Dynatrace environment; syncing them does.
        protected override void BeginProcessing() => _environment = EnvironmentResolution.Resolve(this, Connection);

        protected override void ProcessRecord()
        {
            var planOnly = this.IsWhatIf();
            var clock = Stopwatch.StartNew();
            var aws = AwsOptions(null);
            aws.AssumeRoleName ??= MemberAccessRole;
            var options = new RegistrationOptions
            {
                ThrottleLimit = ThrottleLimit,
                Aws = aws,
                RoleName = RoleName,
                PolicyNamePrefix = PolicyNamePrefix,
                Region = Region,
                FeatureSet = FeatureSet,
                RoleArn = new RoleArnOptions { PropagationTimeout = PropagationTimeout },
            };
            var sync = new OrganizationSync(Environment, options, Log);

            // A row naming an OU that cannot be read fails alone; the other rows go on.
            if (!TryRun(ct => sync.PlanAsync(OrganizationsClient.Open(AwsOptions(null), Log, null), Query(), new ConnectionNameTemplate(NameTemplate), ct),
                    OrganizationalUnitId, out var plan))
            {
                _scopes.Add(ScopeText + " (could not be read)");
                return;
            }
            plan = plan.WithoutDeparted(_departedSeen);
            _departedSeen.UnionWith(plan.Departed.Select(d => d.AccountId));

            // Under -WhatIf every departed account is planned, and its plan says "What if".
            var offboard = !RemoveDeparted ? new string[0]
                : planOnly ? plan.Departed.Select(d => d.AccountId).ToArray()
                : plan.Departed.Where(d => this.ShouldProcessUnlessForced(Force, Target(d), OffboardAction)).Select(d => d.AccountId).ToArray();

            var results = new List<SyncResult>();
            Run(ct => sync.RunAsync(plan, offboard, KeepRole, ApproveOnPipelineThread, planOnly, result => OnPipelineThread(() => Report(result, results)), ct));
            WriteSummary(results, clock.Elapsed, planOnly);
            _commandResults.AddRange(results);
            _scopes.Add(ScopeText);
        }

        protected override void EndProcessing()
        {
            if (ReportPath is null || _scopes.Count == 0) return;
            var markdown = SyncReport.ToMarkdown(string.Join("; ", _scopes), _commandResults, _commandClock.Elapsed, this.IsWhatIf());
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ReportPath);
            if (CiSummary.Publish(path, markdown, System.Environment.GetEnvironmentVariable) is { } loggingCommand)
                WriteInformation(new HostInformationMessage { Message = loggingCommand }, new[] { "PSHOST" });
            WriteVerbose($"Wrote the report to {path}.");
        }

        private string OffboardAction => KeepRole
            ? "Offboard (it left the organization): remove the monitoring configuration and the AWS connection"
            : $"Offboard (it left the organization): remove the monitoring configuration, the AWS connection, the role {RoleName} and its two Dynatrace policies";

        private static string Target(DepartedAccount departed) =>
            $"AWS account {departed.AccountId}" + (departed.ConnectionName is null ? "" : $" ('{departed.ConnectionName}')");

        private void Report(SyncResult result, List<SyncResult> results)
        {
            results.Add(result);
            if (result.Status == SyncStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, result.AccountId));
            if (result.Status == SyncStatus.Departed)
                WriteWarning($"AWS account {result.AccountId} is onboarded in Dynatrace but no longer in the organization; -RemoveDeparted offboards it.");
            WriteObject(result);
        }

        private void WriteSummary(IReadOnlyCollection<SyncResult> results, TimeSpan elapsed, bool planOnly)
        {
            int Count(SyncStatus status) => results.Count(r => r.Status == status);
            var summary = planOnly
                ? $"Planned {Count(SyncStatus.Planned)} change(s); {Count(SyncStatus.InSync)} in sync, {Count(SyncStatus.Departed)} departed, {Count(SyncStatus.Failed)} failed checks."
                : $"Onboarded {Count(SyncStatus.Onboarded)}, offboarded {Count(SyncStatus.Offboarded)}, in sync {Count(SyncStatus.InSync)}, departed {Count(SyncStatus.Departed)}, failed {Count(SyncStatus.Failed)} in {elapsed:hh\\:mm\\:ss}.";
            WriteInformation(new HostInformationMessage { Message = summary }, new[] { "PSHOST" });
        }
    }
}
