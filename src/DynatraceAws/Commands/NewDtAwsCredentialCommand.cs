using System.Management.Automation;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>Creates AWS credentials with the classic config v1 API, after the server has validated them.</summary>
    [Cmdlet(VerbsCommon.New, "DtAwsCredential", SupportsShouldProcess = true, DefaultParameterSetName = RoleSet)]
    [OutputType(typeof(AwsCredential))]
    public sealed class NewDtAwsCredentialCommand : DtAwsCredentialCmdlet
    {
        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"{Environment}", $"Create AWS credentials '{Label}'")) return;
            if (TryRun(ct => new AwsCredentials(Environment, Log).CreateAsync(Spec(), ct), Label, out var credential))
                WriteObject(credential);
        }
    }
}
