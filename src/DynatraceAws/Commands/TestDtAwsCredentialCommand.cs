using System.Management.Automation;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>Asks the classic validator whether AWS credentials would be accepted, and why not.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DtAwsCredential", DefaultParameterSetName = RoleSet)]
    [OutputType(typeof(AwsCredentialValidation))]
    public sealed class TestDtAwsCredentialCommand : DtAwsCredentialCmdlet
    {
        protected override void ProcessRecord()
        {
            if (TryRun(ct => new AwsCredentials(Environment, Log).TestAsync(Spec(), ct), Label, out var validation))
                WriteObject(validation);
        }
    }
}
