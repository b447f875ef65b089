using System;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>What a sync did (or, under -WhatIf, would do) for one account: one per account, whatever happened to it.</summary>
    public sealed class SyncResult : AccountRunResult
    {
        /// <summary>Sync-DtAwsOrganization's report: its statuses and the columns of its table.</summary>
        public static ReportShape<SyncResult> Report { get; } = new ReportShape<SyncResult>("Sync-DtAwsOrganization",
            SyncStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Name", r => r.AccountName), ("Connection", r => r.ConnectionName),
            ("OU path", r => r.OrganizationalUnitPath), ("Status", r => r.Status), ("Step", r => r.Step), ("Error", r => r.Error));

        public string AccountId { get; internal set; } = "";

        /// <summary>The account's name in the organization; empty for a departed account.</summary>
        public string AccountName { get; internal set; } = "";

        /// <summary>The AWS connection's name in Dynatrace.</summary>
        public string ConnectionName { get; internal set; } = "";

        public string OrganizationalUnitPath { get; internal set; } = "";

        /// <summary>InSync, Onboarded, Departed, Offboarded, Planned, Skipped or Failed (<see cref="SyncStatus"/>).</summary>
        public string Status { get; internal set; } = SyncStatus.Failed;

        /// <summary>Whether this run wrote anything for the account.</summary>
        public bool Changed => Status == SyncStatus.Onboarded || Status == SyncStatus.Offboarded || (Status == SyncStatus.Failed && Changes.Count > 0);

        /// <summary>The step that failed (of onboarding, or of offboarding a departed account), when Status is Failed.</summary>
        public string? Step { get; internal set; }


        /// <summary>
        /// What was written (Onboarded, Offboarded; for Failed, what was written before the
        /// failure), or what would be (Planned, Skipped).
        /// </summary>
        public ChangeList Changes { get; internal set; } = ChangeList.Empty;

        /// <summary>What offboarding a departed account left in place, and why.</summary>
        public ReportList<string> Leftovers { get; internal set; } = new ReportList<string>(Array.Empty<string>());

        public override string ToString() => $"{AccountId} {Status}";
    }
}
