using System;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// What the per-account results of the bulk commands (register, test, unregister, sync) share:
    /// why an account failed, and how long it took. Each result puts its own properties first.
    /// </summary>
    public abstract class AccountRunResult
    {
        /// <summary>The message of the failure, redacted.</summary>
        public string? Error { get; internal set; }

        /// <summary>The stable ErrorId of the failure.</summary>
        public string? ErrorId { get; internal set; }

        public double DurationSeconds { get; internal set; }

        private Exception? _exception;

        /// <summary>The exception behind a failure, for the error record; kept as <see cref="Redactor.Redact(Exception)"/> makes it safe to show.</summary>
        internal Exception? Exception
        {
            get => _exception;
            set => _exception = value is null ? null : Redactor.Redact(value);
        }

        public Exception? GetException() => Exception;

        /// <summary>Records the failure: its redacted message, its ErrorId and the exception.</summary>
        internal void Fail(Exception error)
        {
            Error = Redactor.Redact(error.Message);
            ErrorId = Failure.Of(error).ErrorId;
            Exception = error;
        }
    }
}
