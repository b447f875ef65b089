using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Offboards an AWS account: checks and reads both clouds, plans the deletes (monitoring
    /// configuration, connections, then the role and policies in AWS), asks, then removes.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Unregister, "DtAwsAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RemovalResult))]
    public sealed class UnregisterDtAwsAccountCommand : DtAwsCmdlet
    {
        private readonly SummedWarning _leftovers = new SummedWarning(AccountRemoval.LeftoversWarning);
        private AccountRun<RemovalResult> _run = null!;

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string AccountId { get; set; } = "";

        /// <summary>The connection name, when it is not aws-{AccountId} and the connection has no role ARN yet.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? ConnectionName { get; set; }

        /// <summary>An empty cell means the default, as it does for Register-DtAwsAccount.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        [Parameter]
        public string? PolicyNamePrefix { get; set; }

        /// <summary>Remove only the Dynatrace side; leave the role and policies in AWS.</summary>
        [Parameter]
        public SwitchParameter KeepRole { get; set; }

        /// <summary>Skip the confirmation prompt; -WhatIf still only shows the plan.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Where to write the Markdown report of the run.</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
            _run = new AccountRun<RemovalResult>(this, RemovalResult.Report, "Offboarding AWS accounts");
        }

        protected override void ProcessRecord()
        {
            var request = new RemovalRequest
            {
                AccountId = AccountId,
                ConnectionName = ConnectionName,
                Aws = KeepRole ? null : AwsOptions(),
                RoleName = MonitoringRoleSpec.NameOrDefault(RoleName),
                PolicyNamePrefix = PolicyNamePrefix,
            };
            var removal = new AccountRemoval(Environment, Log);
            _run.Starting(AccountId);
            var result = Run(ct => removal.RemoveAsync(request, plan => ApproveOnPipelineThread(plan, Force), ct));
            if (result.Status == RemovalStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, AccountId));
            if (result.Leftovers.Count > 0) _leftovers.Add(result.AccountId);
            WriteObject(result);
            _run.Finished(result);
        }

        protected override void EndProcessing()
        {
            _leftovers.Write(this);
            _run.End(ReportPath, Environment.ToString());
        }
    }
}
