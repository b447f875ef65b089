using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;

namespace DynatraceAws.Commands
{
    /// <summary>Reports, check by check, whether an account is onboarded as it should be, on both sides. Writes nothing.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DtAwsAccount")]
    [OutputType(typeof(AccountCheck))]
    public sealed class TestDtAwsAccountCommand : DtAwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string AccountId { get; set; } = "";

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

        /// <summary>Check only the Dynatrace side.</summary>
        [Parameter]
        public SwitchParameter SkipAws { get; set; }

        protected override void ProcessRecord()
        {
            var aws = SkipAws ? null : AwsOptions(Region);
            if (TryRun(ct => new AccountDrift(Environment, Log).CheckAsync(AccountId, Name, aws, RoleNameOrDefault, PolicyNamePrefix, ct), AccountId, out var checks))
                WriteObject(checks, enumerateCollection: true);
        }
    }
}
