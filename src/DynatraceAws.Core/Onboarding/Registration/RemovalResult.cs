using System;
using System.Collections.Generic;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How offboarding one account ended: one per input, whatever happened to it.</summary>
    public sealed class RemovalResult : AccountRunResult
    {
        /// <summary>Unregister-DtAwsAccount's report: its statuses and the columns of its table.</summary>
        public static ReportShape<RemovalResult> Report { get; } = new ReportShape<RemovalResult>("Unregister-DtAwsAccount",
            RemovalStatus.All, r => r.AccountId, r => r.Status,
            ("Account", r => r.AccountId), ("Connection", r => r.ConnectionName), ("Status", r => r.Status), ("Step", r => r.Step),
            ("Leftovers", r => r.Leftovers.ToString()), ("Error", r => r.Error));

        public string AccountId { get; internal set; } = "";

        /// <summary>The account's AWS connection: the one its configuration names, else the one of the name asked for.</summary>
        public string ConnectionName { get; internal set; } = "";

        /// <summary>Removed, Partial, NothingToRemove, Planned, Skipped or Failed (<see cref="RemovalStatus"/>).</summary>
        public string Status { get; internal set; } = RemovalStatus.Failed;

        /// <summary>Whether this run removed anything for the account.</summary>
        public bool Changed => Status != RemovalStatus.Planned && Status != RemovalStatus.Skipped && Changes.Count > 0;

        /// <summary>
        /// The step that failed, when Status is Failed: Validate, Reachability, Read, then
        /// Configuration, Connection or Role (the names of <see cref="OnboardingStep"/>).
        /// </summary>
        public string? Step { get; internal set; }

        /// <summary>
        /// What was removed (for Failed, what was removed before the failure), or what would be
        /// (Planned, Skipped).
        /// </summary>
        public ChangeList Changes { get; internal set; } = ChangeList.Empty;

        /// <summary>What stays because removing it would touch something onboarding did not make, and why.</summary>
        public ReportList<string> Leftovers { get; internal set; } = new ReportList<string>(Array.Empty<string>());

        public override string ToString() => $"{AccountId} {Status}";
    }

    /// <summary>How offboarding one account ended; text, so results export as they read.</summary>
    public static class RemovalStatus
    {
        /// <summary>Everything DynatraceAws had made for the account is gone.</summary>
        public const string Removed = "Removed";

        /// <summary>What could go is gone (or was gone already); the Leftovers stay, and say why.</summary>
        public const string Partial = "Partial";

        /// <summary>There was nothing to remove; nothing was written.</summary>
        public const string NothingToRemove = "NothingToRemove";

        /// <summary>-WhatIf: the plan was shown; nothing was written.</summary>
        public const string Planned = "Planned";

        /// <summary>Declined at the -Confirm prompt; nothing was written.</summary>
        public const string Skipped = "Skipped";

        /// <summary>A check or a removal failed; the account stops there and a rerun goes on with what is left.</summary>
        public const string Failed = "Failed";

        /// <summary>Every status, in the order summaries count them.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Removed, Partial, NothingToRemove, Planned, Skipped, Failed };
    }
}
