using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Http
{
    /// <summary>Wraps the host's log so that every message is redacted on its way out of Core.</summary>
    public sealed class RedactingLog : ICoreLog
    {
        private readonly ICoreLog _inner;

        private RedactingLog(ICoreLog inner) => _inner = inner;

        public static ICoreLog Wrap(ICoreLog? log) => log switch
        {
            null or NullLog => NullLog.Instance, // nothing hears it, so nothing to redact: a big run redacts no message for nothing
            RedactingLog already => already,
            _ => new RedactingLog(log),
        };

        public void Verbose(string message) => _inner.Verbose(Redactor.Redact(message));
        public void Debug(string message) => _inner.Debug(Redactor.Redact(message));
        public void Warning(string message) => _inner.Warning(Redactor.Redact(message));

        public void Progress(ProgressReport report) =>
            _inner.Progress(new ProgressReport(report.Activity, Redactor.Redact(report.Status), report.PercentComplete, report.Completed));
    }
}
