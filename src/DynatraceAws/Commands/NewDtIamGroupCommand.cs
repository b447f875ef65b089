using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Creates a user group of the account, or returns the existing one of that name.</summary>
    [Cmdlet(VerbsCommon.New, "DtIamGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(IamGroup))]
    public sealed class NewDtIamGroupCommand : DtAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, 255)]
        public string Description { get; set; } = "";

        protected override void ProcessRecord() => PlanAndApply(ct => new IamGroups(Account, Log).PlanCreateAsync(Name, Description, ct), Name, WriteObject);
    }
}
