using System.Management.Automation;
using DynatraceAws.Core.Aws.Organizations;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that reads the member accounts of an AWS organization: where, in which states, and which to leave out.</summary>
    public abstract class DtAwsOrganizationCmdlet : DtAwsCmdlet
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

        internal OrganizationAccountQuery Query() => new OrganizationAccountQuery
        {
            OrganizationalUnitId = string.IsNullOrWhiteSpace(OrganizationalUnitId) ? null : OrganizationalUnitId!.Trim(),
            Recurse = Recurse,
            Status = Status,
            Exclude = Exclude ?? new string[0],
        };

        internal string ScopeText => OrganizationalUnitId is { Length: > 0 } unit ? unit + (Recurse ? " and the OUs below it" : "") : "the whole organization";
    }
}
