namespace DynatraceAws.Core.Http
{
    /// <summary>
    /// How Core talks to whoever hosts it. The cmdlets forward these to the Verbose, Debug, Warning
    /// and Progress streams from the pipeline thread; tests collect them. Core hands every message
    /// through <see cref="RedactingLog"/>, so hosts receive redacted text only.
    /// </summary>
    public interface ICoreLog
    {
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
        void Progress(ProgressReport report);
    }

    public sealed class ProgressReport
    {
        public ProgressReport(string activity, string status, int percentComplete = -1, bool completed = false)
        {
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        public string Activity { get; }
        public string Status { get; }

        /// <summary>-1 when the total is unknown.</summary>
        public int PercentComplete { get; }

        public bool Completed { get; }
    }

    public sealed class NullLog : ICoreLog
    {
        public static NullLog Instance { get; } = new NullLog();
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
        public void Progress(ProgressReport report) { }
    }
}
