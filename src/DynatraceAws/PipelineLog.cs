using System.Collections.Concurrent;
using System.Management.Automation;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Collects Core's messages from any thread; the cmdlet writes them from the pipeline thread,
    /// the only thread PowerShell lets write.
    /// </summary>
    internal sealed class PipelineLog : ICoreLog
    {
        private readonly BlockingCollection<object> _messages = new BlockingCollection<object>();

        public void Verbose(string message) => _messages.Add(new VerboseRecord(message));
        public void Debug(string message) => _messages.Add(new DebugRecord(message));
        public void Warning(string message) => _messages.Add(new WarningRecord(message));
        public void Progress(ProgressReport report) => _messages.Add(report);

        /// <summary>Runs <paramref name="action"/> on the pipeline thread, in order with the messages.</summary>
        public void Post(System.Action action) => _messages.Add(action);

        /// <summary>Waits up to <paramref name="milliseconds"/> for the next message.</summary>
        public bool TryTake(out object message, int milliseconds) => _messages.TryTake(out message!, milliseconds);
    }
}
