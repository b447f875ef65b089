using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Creates an IAM policy, or returns the one of that name when its statement is the same, without
    /// asking or writing; -Force plans replacing a different statement.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DtIamPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(IamPolicy))]
    public sealed class NewDtIamPolicyCommand : DtPolicyLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string StatementQuery { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; } = "";

        /// <summary>Replaces the statement of an existing policy of that name when it differs.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var policies = new IamPolicies(Account, Log);
            PlanAndApply(ct => policies.PlanCreateAsync(Level(), Name, Description, StatementQuery, Force, ct), Name, WriteObject);
        }
    }
}
