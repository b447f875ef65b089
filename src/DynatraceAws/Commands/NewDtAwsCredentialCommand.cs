using System.Management.Automation;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Creates AWS credentials with the classic config v1 API, after the server has validated them. Idempotent
    /// by label: credentials of the label that are as asked are returned, not created again.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DtAwsCredential", SupportsShouldProcess = true, DefaultParameterSetName = RoleSet)]
    [OutputType(typeof(AwsCredential))]
    public sealed class NewDtAwsCredentialCommand : DtAwsCredentialCmdlet
    {
        protected override void ProcessRecord()
        {
            var spec = Spec();
            PlanAndApply(ct => new AwsCredentials(Environment, Log).PlanCreateAsync(spec, ct), Label, WriteObject);
        }
    }
}
