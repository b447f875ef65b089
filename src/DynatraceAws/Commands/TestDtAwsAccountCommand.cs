using System.Management.Automation;
using DynatraceAws.Core.Onboarding.Registration;

namespace DynatraceAws.Commands
{
    /// <summary>Reports, check by check, whether an account is onboarded as it should be, on both sides. Writes nothing.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DtAwsAccount")]
    [OutputType(typeof(AccountCheck))]
    public sealed class TestDtAwsAccountCommand : DtOnboardedAccountCmdlet
    {
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
