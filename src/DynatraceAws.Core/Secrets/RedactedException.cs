using System;

namespace DynatraceAws.Core.Secrets
{
    /// <summary>
    /// A copy of an exception that is not Core's own (the AWS SDK's, the runtime's), made by
    /// <see cref="Redactor.Redact(Exception)"/>: its message and stack trace redacted, its inner
    /// exceptions copied likewise, its Data left behind. The original's type is kept by name.
    /// </summary>
    public sealed class RedactedException : Exception, IRedacted
    {
        private readonly string? _stackTrace;

        internal RedactedException(Exception original)
            : base(Redactor.Redact(original.Message), original.InnerException is null ? null : Redactor.Redact(original.InnerException))
        {
            OriginalType = original.GetType().FullName ?? original.GetType().Name;
            _stackTrace = original.StackTrace is null ? null : Redactor.Redact(original.StackTrace);
            HResult = original.HResult;
        }

        /// <summary>The full name of the exception type this is a copy of, such as System.Net.Http.HttpRequestException.</summary>
        public string OriginalType { get; }

        public override string? StackTrace => _stackTrace;

        public override string ToString()
        {
            var text = $"{OriginalType}: {Message}";
            if (InnerException != null) text += " ---> " + InnerException + Environment.NewLine + "   --- End of inner exception stack trace ---";
            return _stackTrace is null ? text : text + Environment.NewLine + _stackTrace;
        }
    }
}
