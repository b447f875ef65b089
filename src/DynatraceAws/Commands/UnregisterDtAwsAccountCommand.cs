using System.Management.Automation;
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
    public sealed class UnregisterDtAwsAccountCommand : DtOnboardedAccountCmdlet
    {
        private readonly SummedWarning _leftovers = new SummedWarning(AccountRemoval.LeftoversWarning);
        private AccountRun<RemovalResult> _run = null!;

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
            _run = new AccountRun<RemovalResult>(this, RemovalResult.Report, "Offboarding AWS accounts");
        }

        protected override void ProcessRecord()
        {
            var request = new RemovalRequest
            {
                AccountId = AccountId,
                ConnectionName = ConnectionName,
                Aws = KeepRole ? null : AwsOptions(),
                RoleName = RoleNameOrDefault,
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
