using System.Collections;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Creates, in the customer's AWS account, the IAM role Dynatrace assumes to monitor it.</summary>
    [Cmdlet(VerbsCommon.New, "DtMonitoringRole", SupportsShouldProcess = true)]
    [OutputType(typeof(MonitoringRole))]
    public sealed class NewDtMonitoringRoleCommand : DtAwsCmdlet, IConfigurationColumns
    {
        /// <summary>The environment to use instead of the one Connect-DtEnvironment set.</summary>
        [Parameter]
        public DynatraceEnvironment? Connection { get; set; }

        /// <summary>Null binds, from a connection without a role ARN, so that the error can say why: AccountIdRequired.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string? AccountId { get; set; }

        /// <summary>The AWS connection's id: the external id the role will require (classic: the iamExternalId token).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ExternalId")]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>Checked, and carried to the output for New-DtMonitoringConfiguration: the regions to monitor.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        /// <summary>Carried to the output for New-DtMonitoringConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FeatureSetCompleter))]
        public string[]? FeatureSet { get; set; }

        /// <summary>Carried to the output for New-DtMonitoringConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>Carried to the output for New-DtMonitoringConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? DeploymentRegion { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;

        [Parameter]
        public string RolePath { get; set; } = "/";

        [Parameter]
        public string? PermissionsBoundary { get; set; }

        [Parameter]
        public string? PolicyNamePrefix { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>The Dynatrace AWS account to trust; by default the one of the environment's platform (required at a Managed address).</summary>
        [Parameter]
        public string? TrustedAccountId { get; set; }

        /// <summary>Replace the trust policy of an existing role that trusts another external id.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ConnectionName { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseEnvironment(Connection);
        }

        protected override void ProcessRecord()
        {
            var regions = InputRules.SplitList(Region);
            var spec = new MonitoringRoleSpec
            {
                ConnectionId = ConnectionId,
                EnvironmentId = Environment.EnvironmentId,
                RoleName = RoleName,
                RolePath = RolePath,
                PermissionsBoundary = PermissionsBoundary,
                PolicyNamePrefix = PolicyNamePrefix,
                Tags = TagTable.ToDictionary(Tag),
                Force = Force,
            };

            var aws = AwsOptions();
            PlanAndApply(async ct =>
                {
                    spec.AccountId = InputRules.AccountIdOf(AccountId, ConnectionName);
                    spec.TrustedAccountId = TrustedAccountId ?? TrustPolicy.AccountFor(Environment);
                    MonitoringRoleSpec.Validate(spec);
                    foreach (var region in regions) DaAwsChoices.Offline.Region(region);
                    if (!string.IsNullOrWhiteSpace(spec.ConnectionId))
                        await new AwsConnections(Environment, Log).RequireForAccountAsync(spec.ConnectionId.Trim(), spec.AccountId, ct).ConfigureAwait(false);
                    var account = await AwsAccountAccess.OpenAsync(spec.AccountId, aws, Log, null, ct).ConfigureAwait(false);
                    return await new MonitoringRoles(account, Log).PlanAsync(spec, ct).ConfigureAwait(false);
                }, AccountId, role => WriteObject(WithPipelineColumns(role)));
        }

        private object WithPipelineColumns(MonitoringRole role) =>
            PassThrough.With(PassThrough.WithConfigurationColumns(role, this), nameof(ConnectionName), ConnectionName);
    }
}
