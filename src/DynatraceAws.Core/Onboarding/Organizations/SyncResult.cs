using System;
using System.Collections.Generic;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding.Organizations
{
    /// <summary>What a sync did (or, under -WhatIf, would do) for one account.</summary>
    public sealed class SyncResult
    {
        public string AccountId { get; internal set; } = "";

        /// <summary>The account's name in the organization; empty for a departed account.</summary>
        public string AccountName { get; internal set; } = "";

        /// <summary>The AWS connection's name in Dynatrace.</summary>
        public string ConnectionName { get; internal set; } = "";

        public string OrganizationalUnitPath { get; internal set; } = "";
        public SyncStatus Status { get; internal set; }

        /// <summary>The step that failed (an onboarding step, or Offboard), when Status is Failed.</summary>
        public string? Step { get; internal set; }

        public string? Error { get; internal set; }
        public string? ErrorId { get; internal set; }

        /// <summary>What was (or would be) created, changed or removed, by side: "Dynatrace: ...", "AWS: ...".</summary>
        public IReadOnlyList<string> Changes { get; internal set; } = Array.Empty<string>();

        private Exception? _exception;

        /// <summary>The exception behind a failure, for the error record; kept as <see cref="Redactor.Redact(Exception)"/> makes it safe to show.</summary>
        internal Exception? Exception
        {
            get => _exception;
            set => _exception = value is null ? null : Redactor.Redact(value);
        }

        public Exception? GetException() => Exception;

        public override string ToString() => $"{AccountId} {Status}";
    }
}
