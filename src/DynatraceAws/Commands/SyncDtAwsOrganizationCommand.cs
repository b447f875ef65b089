using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Organizations;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Reconciles a Dynatrace environment with the AWS organization: onboards the member accounts
    /// that have no monitoring configuration (and, with -Region or -FeatureSet, converges those that
    /// have one), reports the onboarded accounts that left the organization and, with
    /// -RemoveDeparted, offboards them. Each account's plan is approved on its own.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "DtAwsOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SyncResult))]
    public sealed class SyncDtAwsOrganizationCommand : DtAwsCmdlet
    {
        private const string MemberAccessRole = "OrganizationAccountAccessRole";

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        /// <summary>A root or OU; the whole organization when left out.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ParentId")]
        public string? OrganizationalUnitId { get; set; }

        /// <summary>Include the OUs below -OrganizationalUnitId.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        [Parameter]
        [ValidateSet("ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "PENDING_ACTIVATION", "CLOSED")]
        public string[] Status { get; set; } = { OrganizationAccount.Active };

        /// <summary>Account ids to leave out.</summary>
        [Parameter]
        public string[]? Exclude { get; set; }

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
        private readonly EndpointBreakers _breakers = new EndpointBreakers();
        private OrganizationSync? _sync;
        private readonly SummedWarning _departed = new SummedWarning(OrganizationSync.DepartedWarning);
        private readonly SummedWarning _leftovers = new SummedWarning(AccountRemoval.LeftoversWarning);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
        }

        protected override void ProcessRecord()
        {
            var clock = Stopwatch.StartNew();
            var aws = AwsOptions();
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
                Breakers = _breakers,
            };
            var sync = _sync = new OrganizationSync(Environment, options, Log);

            // A row naming an OU that cannot be read fails alone; the other rows go on.
            var management = AwsOptions();
            var query = OrganizationAccountQuery.From(OrganizationalUnitId, Recurse, Status, Exclude);
            if (!TryRun(ct => sync.CompareAsync(OrganizationsClient.Open(management, Log, null), query, new ConnectionNameTemplate(NameTemplate), ct),
                    OrganizationalUnitId, out var comparison))
            {
                _scopes.Add(query.Scope + " (could not be read)");
                return;
            }
            comparison = comparison.WithoutDeparted(_departedSeen);
            _departedSeen.UnionWith(comparison.Departed.Select(d => d.AccountId));

            // Onboarding is asked about as Register-DtAwsAccount asks (only with -Confirm); offboarding as Unregister-DtAwsAccount (unless -Force).
            var forceOnboarding = !this.WouldConfirm(ConfirmImpact.Medium);
            var results = new List<SyncResult>();
            // A failure of the whole run is this row's error; the results so far still count.
            TryRun(ct => sync.RunAsync(comparison, RemoveDeparted, KeepRole,
                plan => ApproveOnPipelineThread(plan, forceOnboarding), plan => ApproveOnPipelineThread(plan, Force),
                result => OnPipelineThread(() => Report(result, results)), ct), OrganizationalUnitId);
            this.WriteSummary(SyncResult.Report, results, clock.Elapsed);
            _commandResults.AddRange(results);
            _scopes.Add(query.Scope);
        }

        protected override void StopProcessing()
        {
            var writing = _sync?.Writing ?? Array.Empty<string>();
            base.StopProcessing();
            ReportStop(writing, $"{_commandResults.Count} account(s) of {_scopes.Count} organizational unit(s) done before this one.");
        }

        protected override void EndProcessing()
        {
            _departed.Write(this);
            _leftovers.Write(this);
            if (ReportPath is null || _scopes.Count == 0) return;
            this.WriteReport(ReportPath, SyncResult.Report, string.Join("; ", _scopes), _commandResults, _commandClock.Elapsed);
        }

        private void Report(SyncResult result, List<SyncResult> results)
        {
            results.Add(result);
            if (result.Status == SyncStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, result.AccountId));
            if (result.Status == SyncStatus.Departed) _departed.Add(result.AccountId);
            if (result.Leftovers.Count > 0) _leftovers.Add(result.AccountId);
            WriteObject(result);
        }
    }
}
