using System.Collections.Concurrent;
using System.Linq;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Tests.Support;

public sealed class CollectingLog : ICoreLog
{
    public ConcurrentQueue<string> Messages { get; } = new();
    public ConcurrentQueue<ProgressReport> ProgressReports { get; } = new();

    public void Verbose(string message) => Messages.Enqueue("VERBOSE: " + message);
    public void Debug(string message) => Messages.Enqueue("DEBUG: " + message);
    public void Warning(string message) => Messages.Enqueue("WARNING: " + message);
    public void Progress(ProgressReport report) => ProgressReports.Enqueue(report);

    public bool Has(string prefix, string text) => Messages.Any(m => m.StartsWith(prefix) && m.Contains(text));
}
