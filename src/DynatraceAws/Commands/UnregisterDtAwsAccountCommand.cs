using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;

namespace DynatraceAws.Commands
{
    /// <summary>Offboards an AWS account: monitoring configuration, connection, then the role and policies in AWS.</summary>
    [Cmdlet(VerbsLifecycle.Unregister, "DtAwsAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RemovalResult))]
    public sealed class UnregisterDtAwsAccountCommand : DtAwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string AccountId { get; set; } = "";

        /// <summary>The connection name, when it is not aws-{AccountId} and the connection has no role ARN yet.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionName")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Name { get; set; }

        /// <summary>The AWS region for STS and the partition check.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        [Parameter]
        public string? PolicyNamePrefix { get; set; }

        /// <summary>An empty RoleName cell means the default, as it does for Register-DtAwsAccount.</summary>
        private string RoleNameOrDefault => string.IsNullOrWhiteSpace(RoleName) ? MonitoringRoleSpec.DefaultRoleName : RoleName.Trim();

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
