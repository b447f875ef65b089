using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Emulator;

/// <summary>One request as the emulator saw it. Never holds headers or bodies: no secret can end up here.</summary>
public sealed record LoggedRequest(string Service, string Method, string Path, string Operation, int Status, DateTimeOffset At)
{
    /// <summary>
    /// A request that changes state: any non-GET on a Dynatrace environment or account, and AWS
    /// actions that are not reads. An OAuth token request changes nothing.
    /// </summary>
    public bool IsWrite => Service switch
    {
        "dynatrace" or "account" => !string.Equals(Method, "GET", StringComparison.OrdinalIgnoreCase),
        "sso" => false,
        _ => !(Operation.StartsWith("Get", StringComparison.Ordinal) || Operation.StartsWith("List", StringComparison.Ordinal)
               || Operation.StartsWith("Describe", StringComparison.Ordinal) || Operation == "AssumeRole"),
    };

    public override string ToString() => $"{Service} {Method} {Path} {Operation} -> {Status}";
}

public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();

    public void Add(LoggedRequest entry) => _entries.Enqueue(entry);

    public IReadOnlyList<LoggedRequest> Entries => _entries.ToArray();

    public IReadOnlyList<LoggedRequest> Writes => Entries.Where(e => e.IsWrite).ToArray();

    public void Clear() => _entries.Clear();
}
