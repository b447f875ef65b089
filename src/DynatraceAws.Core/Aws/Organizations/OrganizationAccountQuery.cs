using System;
using System.Collections.Generic;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>Which member accounts to list: where in the organization, in which state, and which to leave out.</summary>
    public sealed class OrganizationAccountQuery
    {
        /// <summary>A root (r-...) or OU (ou-...); null lists the whole organization.</summary>
        public string? OrganizationalUnitId { get; set; }

        /// <summary>Include the OUs below <see cref="OrganizationalUnitId"/>. The whole organization is always listed in full.</summary>
        public bool Recurse { get; set; }

        /// <summary>The account states to keep; empty keeps every state.</summary>
        public IReadOnlyList<string> Status { get; set; } = new[] { OrganizationAccount.Active };

        /// <summary>Account ids to leave out.</summary>
        public IReadOnlyList<string> Exclude { get; set; } = Array.Empty<string>();

        /// <summary>The query a command's parameters or a CSV row give: a blank OU (an empty cell) is the whole organization.</summary>
        public static OrganizationAccountQuery From(string? organizationalUnitId, bool recurse, IReadOnlyList<string> status, IReadOnlyList<string>? exclude) =>
            new OrganizationAccountQuery
            {
                OrganizationalUnitId = string.IsNullOrWhiteSpace(organizationalUnitId) ? null : organizationalUnitId!.Trim(),
                Recurse = recurse,
                Status = status,
                Exclude = exclude ?? Array.Empty<string>(),
            };

        /// <summary>Where the query looks, in words: "ou-ab12-cdefgh34 and the OUs below it", or "the whole organization".</summary>
        public string Scope => OrganizationalUnitId is { } unit ? unit + (Recurse ? " and the OUs below it" : "") : "the whole organization";
    }
}
