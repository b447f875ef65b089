using System;
using System.Collections.Generic;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How onboarding one account ended: one per input row, whatever happened to it.</summary>
    public sealed class AccountResult
    {
        public string AccountId { get; internal set; } = "";
        public string ConnectionName { get; internal set; } = "";

        /// <summary>Onboarded, Unchanged, Planned, Skipped or Failed (<see cref="AccountStatus"/>).</summary>
        public string Status { get; internal set; } = AccountStatus.Failed;

        /// <summary>Whether this run wrote anything for the account.</summary>
        public bool Changed => Status == AccountStatus.Onboarded || (Status == AccountStatus.Failed && Changes.Count > 0);

        /// <summary>The step that failed (<see cref="OnboardingStep"/>), when Status is Failed.</summary>
        public string? Step { get; internal set; }

        public string? Error { get; internal set; }

        /// <summary>The stable ErrorId of the failure.</summary>
        public string? ErrorId { get; internal set; }

        public string? ConnectionId { get; internal set; }
        public string? RoleArn { get; internal set; }
        public string? ConfigurationId { get; internal set; }

        public double DurationSeconds { get; internal set; }

        /// <summary>
        /// What was written (Onboarded; for Failed, what was written before the failure), or what
        /// would be (Planned, Skipped).
        /// </summary>
        public ChangeList Changes { get; internal set; } = ChangeList.Empty;

        /// <summary>Where the account came from: "input 3", an OU path.</summary>
        public string? Source { get; internal set; }

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
