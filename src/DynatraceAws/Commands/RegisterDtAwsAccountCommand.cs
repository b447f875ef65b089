using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Onboards AWS accounts end to end, several at once: connection, role, role ARN and monitoring
    /// configuration, reusing whatever exists. Takes CSV rows or objects from the pipeline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "DtAwsAccount", SupportsShouldProcess = true)]
    [OutputType(typeof(AccountResult))]
    public sealed class RegisterDtAwsAccountCommand : DtAwsEnvironmentCmdlet
    {
        private readonly List<AccountRequest> _requests = new List<AccountRequest>();
        private Core.Aws.Credentials.AwsCredentialOptions _runAws = null!;

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
        [ValidateRange(1, 64)]
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
            _runAws = AwsOptions();
        }

        protected override void ProcessRecord()
        {
            _requests.Add(new AccountRequest
            {
                AccountId = AccountId,
                Name = ConnectionName,
                Region = Region,
                FeatureSet = FeatureSet,
                RoleName = RoleName,
                Description = Description,
                ProfileName = ProfileName,
                AssumeRoleName = AssumeRoleName,
                Source = $"input {_requests.Count + 1}",
            });
        }

        protected override void EndProcessing()
        {
            if (_requests.Count == 0) return;
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
            var results = new List<AccountResult>();
            var clock = Stopwatch.StartNew();
            var engine = new AccountRegistration(Environment, options, Log);
            Run(ct => engine.RunAsync(_requests, ApproveOnPipelineThread, result => OnPipelineThread(() => Report(result, results)), ct));
            this.WriteSummary(RunReports.Registration, results, clock.Elapsed);
            if (ReportPath != null) this.WriteReport(ReportPath, RunReports.Registration, Environment.ToString(), results, clock.Elapsed);
        }

        private void Report(AccountResult result, List<AccountResult> results)
        {
            results.Add(result);
            if (result.Status == AccountStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, result.AccountId));
            WriteObject(result);
        }
    }
}
