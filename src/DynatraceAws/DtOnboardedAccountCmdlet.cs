using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet about one account Register-DtAwsAccount onboarded: the same identifying parameters and defaults.</summary>
    public abstract class DtOnboardedAccountCmdlet : DtAwsEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string AccountId { get; set; } = "";

        /// <summary>The connection name, when it is not aws-{AccountId} and the connection has no role ARN yet.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? ConnectionName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        [Parameter]
        public string? PolicyNamePrefix { get; set; }

        /// <summary>An empty RoleName cell means the default, as it does for Register-DtAwsAccount.</summary>
        internal string RoleNameOrDefault => string.IsNullOrWhiteSpace(RoleName) ? MonitoringRoleSpec.DefaultRoleName : RoleName.Trim();
    }
}
