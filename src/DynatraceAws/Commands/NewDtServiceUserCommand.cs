using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Creates a service user, or returns the existing one of that name; either way with the group that carries its policies.</summary>
    [Cmdlet(VerbsCommon.New, "DtServiceUser", SupportsShouldProcess = true)]
    [OutputType(typeof(ServiceUser))]
    public sealed class NewDtServiceUserCommand : DtAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; } = "";

        protected override void ProcessRecord() => PlanAndApply(ct => new ServiceUsers(Account, Log).PlanCreateAsync(Name, Description, ct), Name, WriteObject);
    }
}
