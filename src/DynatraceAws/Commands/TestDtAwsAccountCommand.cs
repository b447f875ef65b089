using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;
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
    public sealed class TestDtAwsAccountCommand : DtAwsCmdlet
    {
        private AccountRun<AccountTestResult> _run = null!;

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

        /// <summary>Check only the Dynatrace side.</summary>
        [Parameter]
        public SwitchParameter SkipAws { get; set; }

        /// <summary>Where to write the Markdown report of the run.</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
            _run = new AccountRun<AccountTestResult>(this, AccountTestResult.Report, "Testing AWS accounts");
        }

        protected override void ProcessRecord()
        {
            var aws = SkipAws ? null : AwsOptions();
            _run.Starting(AccountId);
            var result = Run(ct => new AccountDrift(Environment, Log).TestAsync(AccountId, ConnectionName, aws, MonitoringRoleSpec.NameOrDefault(RoleName), PolicyNamePrefix, ct));
            if (result.Status == TestStatus.Failed && result.GetException() is { } error)
                WriteError(ErrorRecords.From(error, AccountId));
            WriteObject(result);
            _run.Finished(result);
        }

        protected override void EndProcessing() => _run.End(ReportPath, Environment.ToString());
    }
}
