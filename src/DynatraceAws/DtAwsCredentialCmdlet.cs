using System.Collections;
using System.Management.Automation;
using System.Security;
using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>The parameters that describe classic AWS credentials: a role by default, keys only when given explicitly.</summary>
    public abstract class DtAwsCredentialCmdlet : DtCmdlet
    {
        protected const string RoleSet = "Role";
        protected const string KeysSet = "Keys";

        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        /// <summary>Alias Name: the rows of the accounts.csv that Register-DtAwsAccount reads bind as they are.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string Label { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = RoleSet)]
        public string AccountId { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = RoleSet)]
        [Alias("IamRole")]
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNull]
        [PlainTextToSecureString]
        public SecureString SecretKey { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(AwsPartitionTypes.Default, AwsPartitionTypes.China, AwsPartitionTypes.GovCloud)]
        public string PartitionType { get; set; } = AwsPartitionTypes.Default;

        [Parameter]
        public SwitchParameter TaggedOnly { get; set; }

        [Parameter]
        public Hashtable? TagToMonitor { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
        }

        internal AwsCredentialSpec Spec() => new AwsCredentialSpec
        {
            Label = Label,
            PartitionType = PartitionType,
            AccountId = AccountId,
            RoleName = RoleName,
            AccessKey = ParameterSetName == KeysSet ? AccessKey : null,
            SecretKey = ParameterSetName == KeysSet ? SecretKey : null,
            TaggedOnly = TaggedOnly,
            TagsToMonitor = TagTable.ToDictionary(TagToMonitor),
        };
    }
}
