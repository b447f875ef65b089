using System.Management.Automation;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>Reads the external id that classic monitoring roles must require.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAwsIamExternalId")]
    [OutputType(typeof(AwsIamExternalId))]
    public sealed class GetDtAwsIamExternalIdCommand : DtEnvironmentCmdlet
    {
        protected override void ProcessRecord()
        {
            if (TryRun(ct => new AwsCredentials(Environment, Log).GetIamExternalIdAsync(ct), Environment, out var externalId))
                WriteObject(externalId);
        }
    }
}
