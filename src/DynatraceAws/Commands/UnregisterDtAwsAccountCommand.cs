using System.Management.Automation;
using DynatraceAws.Core.Onboarding.Registration;

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
        /// <summary>Remove only the Dynatrace side; leave the role and policies in AWS.</summary>
        [Parameter]
        public SwitchParameter KeepRole { get; set; }

        /// <summary>Skip the confirmation prompt; -WhatIf still only shows the plan.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var request = new RemovalRequest
            {
                AccountId = AccountId,
                ConnectionName = Name,
                Aws = KeepRole ? null : AwsOptions(Region),
                RoleName = RoleNameOrDefault,
                PolicyNamePrefix = PolicyNamePrefix,
            };
            var removal = new AccountRemoval(Environment, Log);
            var result = Run(ct => removal.RemoveAsync(request, plan => ApproveOnPipelineThread(plan, Force), ct));
            if (result.Status == RemovalStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, AccountId));
            foreach (var leftover in result.Leftovers) WriteWarning($"Account {result.AccountId}: {leftover}");
            WriteObject(result);
        }
    }
}
