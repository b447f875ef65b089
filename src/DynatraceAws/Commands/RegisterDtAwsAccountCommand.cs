using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Onboards AWS accounts end to end, several at once: connection, role, role ARN and monitoring
    /// configuration, reusing whatever exists. Takes CSV rows or objects from the pipeline, each
    /// started as it arrives, so results stream out while later rows are still being read.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "DtAwsAccount", SupportsShouldProcess = true)]
    [OutputType(typeof(AccountResult))]
    public sealed class RegisterDtAwsAccountCommand : DtAwsCmdlet
    {
        private readonly List<AccountResult> _results = new List<AccountResult>();
        private readonly Stopwatch _clock = new Stopwatch();
        private Core.Aws.Credentials.AwsCredentialOptions _runAws = null!;
        private RegistrationRun? _run;
        private AccountRegistration? _engine;
        private string? _reportFile;
        private bool _planOnly;

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string AccountId { get; set; } = "";

        /// <summary>The connection name; aws-{AccountId} when left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? ConnectionName { get; set; }

        /// <summary>Regions to monitor: several values, or one text separated by ';' or ','. us-east-1 is always added.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FeatureSetCompleter))]
        public string[]? FeatureSet { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? RoleName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>How many accounts are onboarded at once.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter]
        public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromMinutes(2);

        [Parameter]
        public string? PolicyNamePrefix { get; set; }

        [Parameter]
        public string? TrustedAccountId { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Replace the trust policy of a role that trusts Dynatrace with another connection's external id.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Where to write the Markdown report of the run.</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        /// <summary>The run's AWS settings are the ones given on the command line, before any pipeline object binds its own.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
            _runAws = AwsOptions();
            _reportFile = ReportPath is null ? null : this.ReportFile(ReportPath);
            _planOnly = this.IsWhatIf();
        }

        protected override void ProcessRecord()
        {
            _run ??= StartRun();
            _run.Add(new AccountRequest
            {
                AccountId = AccountId,
                Name = ConnectionName,
                Region = Region,
                FeatureSet = FeatureSet,
                RoleName = RoleName,
                Description = Description,
                ProfileName = ProfileName,
                AssumeRoleName = AssumeRoleName,
                Source = $"input {_run.Added + 1}",
            });
            WritePending();
        }

        protected override void EndProcessing()
        {
            if (_run is null) return;
            _run.Complete();
            // A failure of the whole run is one more error record; the results so far and the summary are still written.
            TryRun(_ => _run.Completion, null);
            this.WriteSummary(AccountResult.Report, Results(), _clock.Elapsed);
            if (ReportPath != null) this.WriteReport(ReportPath, AccountResult.Report, Environment.ToString(), Results(), _clock.Elapsed);
            _reportFile = null;
        }

        private RegistrationRun StartRun()
        {
            var options = new RegistrationOptions
            {
                ThrottleLimit = ThrottleLimit,
                Aws = _runAws,
                PolicyNamePrefix = PolicyNamePrefix,
                TrustedAccountId = TrustedAccountId,
                Tags = TagTable.ToDictionary(Tag),
                RoleArn = new RoleArnOptions { PropagationTimeout = PropagationTimeout },
                Force = Force,
            };
            _clock.Start();
            _engine = new AccountRegistration(Environment, options, Log);
            return _engine.StartRun(ApproveOnPipelineThread, result => OnPipelineThread(() => Report(result)), StopToken);
        }

        /// <summary>
        /// Ctrl+C or Stop-Job: the pipeline no longer takes records, so what was in flight and the
        /// summary go to the host directly, before the run is cancelled.
        /// </summary>
        protected override void StopProcessing()
        {
            var writing = _engine?.Writing ?? Array.Empty<string>();
            base.StopProcessing();
            ReportStop(writing, RunReport.Summary(AccountResult.Report, Results(), _clock.Elapsed));
            if (_reportFile != null) this.WriteReportAtStop(_reportFile, AccountResult.Report, Environment.ToString(), Results(), _clock.Elapsed, _planOnly, writing);
        }

        private void Report(AccountResult result)
        {
            lock (_results) _results.Add(result);
            if (result.Status == AccountStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, result.AccountId));
            WriteObject(result);
        }

        /// <summary>The results so far; StopProcessing reads them from another thread.</summary>
        private IReadOnlyCollection<AccountResult> Results()
        {
            lock (_results) return _results.ToArray();
        }
    }
}
