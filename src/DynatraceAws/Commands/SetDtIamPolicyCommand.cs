using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Changes the name, description or statement of an IAM policy, found by UUID or by name; a blank
    /// value keeps what the policy has. It reads first and writes only what differs.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DtIamPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(IamPolicy))]
    public sealed class SetDtIamPolicyCommand : DtPolicyLevelCmdlet
    {
        /// <summary>The policy to change; when blank, -Name finds it among the level's own policies.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uuid")]
        public string? PolicyUuid { get; set; }

        /// <summary>With -PolicyUuid, the new name; without, the name of the policy to change.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? StatementQuery { get; set; }

        protected override void ProcessRecord()
        {
            var policies = new IamPolicies(Account, Log);
            PlanAndApply(ct => policies.PlanUpdateAsync(Level(), PolicyUuid, Name, Description, StatementQuery, ct),
                string.IsNullOrWhiteSpace(PolicyUuid) ? Name : PolicyUuid, WriteObject);
        }
    }
}
