using System.Management.Automation;
using DynatraceAws.Core.Onboarding.Registration;

namespace DynatraceAws.Commands
{
    /// <summary>Offboards an AWS account: monitoring configuration, connection, then the role and policies in AWS.</summary>
    [Cmdlet(VerbsLifecycle.Unregister, "DtAwsAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RemovalResult))]
    public sealed class UnregisterDtAwsAccountCommand : DtOnboardedAccountCmdlet
    {
        /// <summary>Remove only the Dynatrace side; leave the role and policies in AWS.</summary>
        [Parameter]
        public SwitchParameter KeepRole { get; set; }

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var what = KeepRole ? "Remove the monitoring configuration and the AWS connection"
                : $"Remove the monitoring configuration, the AWS connection, the role {RoleNameOrDefault} and its two Dynatrace policies";
            if (!this.ShouldProcessUnlessForced(Force, $"AWS account {AccountId}", what)) return;

            var aws = KeepRole ? null : AwsOptions(Region);
            if (!TryRun(ct => new AccountRemoval(Environment, Log).RemoveAsync(AccountId, Name, aws, RoleNameOrDefault, PolicyNamePrefix, ct), AccountId, out var result))
                return;
            if (result.Status == RemovalStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, AccountId));
            foreach (var leftover in result.Leftovers) WriteWarning($"Account {AccountId}: {leftover}");
            WriteObject(result);
        }
    }
}
