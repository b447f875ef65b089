using System;
using System.Collections.Generic;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>How onboarding one account ended.</summary>
    public sealed class AccountResult
    {
        public string AccountId { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        public AccountStatus Status { get; internal set; }

        /// <summary>The step that failed, when Status is Failed.</summary>
        public OnboardingStep? FailedStep { get; internal set; }

        public string? Error { get; internal set; }

        /// <summary>The stable ErrorId of the failure.</summary>
        public string? ErrorId { get; internal set; }

        public string? ConnectionId { get; internal set; }
        public string? RoleArn { get; internal set; }
        public string? ConfigurationId { get; internal set; }
        public TimeSpan Duration { get; internal set; }

        /// <summary>What was (or, under -WhatIf, would be) created or changed, by side: "Dynatrace: ...", "AWS: ...".</summary>
        public IReadOnlyList<string> Changes { get; internal set; } = Array.Empty<string>();

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
