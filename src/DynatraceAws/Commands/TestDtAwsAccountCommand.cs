using System.Management.Automation;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Reports whether an account is onboarded as it should be, on both sides: one result per account,
    /// its checks in the Checks property. Writes nothing.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "DtAwsAccount")]
    [OutputType(typeof(AccountTestResult))]
    public sealed class TestDtAwsAccountCommand : DtOnboardedAccountCmdlet
    {
        private AccountRun<AccountTestResult> _run = null!;

        /// <summary>Check only the Dynatrace side.</summary>
        [Parameter]
        public SwitchParameter SkipAws { get; set; }

        /// <summary>Where to write the Markdown report of the run.</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _run = new AccountRun<AccountTestResult>(this, AccountTestResult.Report, "Testing AWS accounts");
        }

        protected override void ProcessRecord()
        {
            var aws = SkipAws ? null : AwsOptions();
            _run.Starting(AccountId);
            var result = Run(ct => new AccountDrift(Environment, Log).TestAsync(AccountId, ConnectionName, aws, RoleNameOrDefault, PolicyNamePrefix, ct));
            if (result.Status == TestStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, AccountId));
            WriteObject(result);
            _run.Finished(result);
        }

        protected override void EndProcessing() => _run.End(ReportPath, Environment.ToString());
    }
}
