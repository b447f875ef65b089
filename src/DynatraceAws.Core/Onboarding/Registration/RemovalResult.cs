using System;
using System.Collections.Generic;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding.Registration
{
    public enum RemovalStatus
    {
        /// <summary>Everything DynatraceAws had made for the account is gone.</summary>
        Removed,

        /// <summary>Some things could not be removed; see Leftovers.</summary>
        Partial,

        /// <summary>There was nothing to remove.</summary>
        NothingToRemove,

        Failed,
    }

    /// <summary>How offboarding one account ended.</summary>
    public sealed class RemovalResult
    {
        public string AccountId { get; internal set; } = "";
        public RemovalStatus Status { get; internal set; }
        public IReadOnlyList<string> Removed { get; internal set; } = Array.Empty<string>();

        /// <summary>What is still there, and why.</summary>
        public IReadOnlyList<string> Leftovers { get; internal set; } = Array.Empty<string>();

        public string? Error { get; internal set; }

        /// <summary>The stable ErrorId of the failure.</summary>
        public string? ErrorId { get; internal set; }

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
