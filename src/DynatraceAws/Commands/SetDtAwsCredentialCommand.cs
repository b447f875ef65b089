using System.Collections;
using System.Management.Automation;
using System.Security;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Changes classic AWS credentials: only the given parameters, the rest as Dynatrace has them. It
    /// reads first and writes only what differs; a blank value, as from an empty CSV cell, changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DtAwsCredential", SupportsShouldProcess = true)]
    [OutputType(typeof(AwsCredential))]
    public sealed class SetDtAwsCredentialCommand : DtEnvironmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        public string CredentialId { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Label { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AccountId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("IamRole")]
        public string? RoleName { get; set; }

        [Parameter]
        [ValidateSet(AwsPartitionTypes.Default, AwsPartitionTypes.China, AwsPartitionTypes.GovCloud)]
        public string? PartitionType { get; set; }

        /// <summary>-TaggedOnly:$false monitors all resources again (and drops the tags).</summary>
        [Parameter]
        public SwitchParameter TaggedOnly { get; set; }

        [Parameter]
        public Hashtable? TagToMonitor { get; set; }

        /// <summary>Key-based credentials are written back whole, so changing them needs the secret key again.</summary>
        [Parameter]
        public string? AccessKey { get; set; }

        [Parameter]
        [PlainTextToSecureString]
        public SecureString? SecretKey { get; set; }

        protected override void ProcessRecord()
        {
            var taggedOnlyGiven = MyInvocation.BoundParameters.ContainsKey(nameof(TaggedOnly));
            PlanAndApply(ct => new AwsCredentials(Environment, Log).PlanUpdateAsync(CredentialId, spec => Apply(spec, taggedOnlyGiven), ct), CredentialId, WriteObject);
        }

        /// <summary>Runs off the pipeline thread, so it reads only the bound properties.</summary>
        private void Apply(AwsCredentialSpec spec, bool taggedOnlyGiven)
        {
            if (!string.IsNullOrWhiteSpace(Label)) spec.Label = Label!.Trim();
            if (!string.IsNullOrWhiteSpace(AccountId)) spec.AccountId = AccountId!.Trim();
            if (!string.IsNullOrWhiteSpace(RoleName)) spec.RoleName = RoleName!.Trim();
            if (PartitionType != null) spec.PartitionType = PartitionType;
            if (AccessKey != null) spec.AccessKey = AccessKey;
            if (SecretKey != null) spec.SecretKey = SecretKey;
            if (TagToMonitor != null) spec.TagsToMonitor = TagTable.ToDictionary(TagToMonitor);
            if (!taggedOnlyGiven) return;
            spec.TaggedOnly = TaggedOnly;
            if (!TaggedOnly) spec.TagsToMonitor.Clear();
        }
    }
}
