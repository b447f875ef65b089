using System.Management.Automation;
using DynatraceAws.Core.Aws.Organizations;

namespace DynatraceAws.Commands
{
    /// <summary>Lists the member accounts of the AWS organization, with the OU path each sits under, ready to pipe into Register-DtAwsAccount.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAwsOrganizationAccount")]
    [OutputType(typeof(OrganizationAccount))]
    public sealed class GetDtAwsOrganizationAccountCommand : DtAwsCmdlet
    {
        /// <summary>A root or OU; the whole organization when left out.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ParentId")]
        public string? OrganizationalUnitId { get; set; }

        /// <summary>Include the OUs below -OrganizationalUnitId.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        [Parameter]
        [ValidateSet("ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "PENDING_ACTIVATION", "CLOSED")]
        public string[] Status { get; set; } = { OrganizationAccount.Active };

        /// <summary>Account ids to leave out.</summary>
        [Parameter]
        public string[]? Exclude { get; set; }

        protected override void ProcessRecord()
        {
            var query = OrganizationAccountQuery.From(OrganizationalUnitId, Recurse, Status, Exclude);
            WriteVerbose($"Listing the {string.Join(", ", query.Status)} accounts of {query.Scope}.");
            var aws = AwsOptions();
            if (!TryRun(ct => new OrganizationAccounts(OrganizationsClient.Open(aws, Log, null), Log).ListAsync(query, ct),
                    OrganizationalUnitId, out var accounts))
                return;
            foreach (var account in accounts) WriteObject(account);
        }
    }
}
