using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>Reads classic AWS credentials with their connection status: one by id, or all, optionally by label.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAwsCredential", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(AwsCredential))]
    public sealed class GetDtAwsCredentialCommand : DtEnvironmentCmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        public string CredentialId { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = AllSet)]
        [SupportsWildcards]
        public string Label { get; set; } = "*";

        protected override void ProcessRecord()
        {
            var credentials = new AwsCredentials(Environment, Log);
            if (ParameterSetName == IdSet)
            {
                if (TryRun(ct => credentials.GetAsync(CredentialId, ct), CredentialId, out var one)) WriteObject(one);
                return;
            }
            var pattern = new WildcardPattern(Label, WildcardOptions.IgnoreCase);
            if (TryRun(credentials.ListAsync, Label, out var all))
                WriteObject(all.Where(c => pattern.IsMatch(c.Label)), enumerateCollection: true);
        }
    }
}
