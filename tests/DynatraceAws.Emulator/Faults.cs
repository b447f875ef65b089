using System;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Emulator;

public enum FaultKind
{
    TooManyRequestsRetryAfter,
    TooManyRequestsRateLimitReset,
    TooManyRequestsBare,
    InternalServerError,
    BadGateway,
    ServiceUnavailable,
    GatewayTimeout,
    DropConnection,

    /// <summary>
    /// The handler runs and its change is kept, then the connection drops before the answer is
    /// sent: the client cannot tell it from <see cref="DropConnection"/> and retries a write that
    /// already succeeded.
    /// </summary>
    ProcessThenDropConnection,
    SlowResponse,
    IamThrottling,

    /// <summary>409: the object changed since its updateToken was read.</summary>
    UpdateTokenConflict,

    /// <summary>
    /// An IAM or Organizations list answered by a server that ignores the page key: the first page,
    /// naming as the key of the next page the key it was asked with (on the first request, a key of
    /// its own). A client that follows the key reads in a loop.
    /// </summary>
    RepeatPageKey,
}

/// <summary>
/// A fault injected before a request reaches its handler. Matches on service ("dynatrace", "iam",
/// "sts"), optionally an HTTP method, a path prefix or an AWS action; fires with <see cref="Rate"/>
/// (0..1) and at most <see cref="Remaining"/> times when that is set.
/// </summary>
public sealed class FaultRule
{
    public FaultKind Kind { get; init; }
    public string? Service { get; init; }
    public string? Method { get; init; }
    public string? PathPrefix { get; init; }
    public string? Operation { get; init; }
    public double Rate { get; init; } = 1.0;
    public int? Remaining { get; set; }
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);
    public int Fired { get; internal set; }

    internal bool Matches(string service, string method, string path, string operation) =>
        (Service is null || Service == service)
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal))
        && (Operation is null || Operation == operation);
}

public sealed class Faults
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();
    private Random _random = new(1);

    public void Seed(int seed)
    {
        lock (_gate) _random = new Random(seed);
    }

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate) _rules.Add(rule);
        return rule;
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    public int TotalFired
    {
        get { lock (_gate) return _rules.Sum(r => r.Fired); }
    }

    internal FaultRule? Pick(string service, string method, string path, string operation)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(service, method, path, operation) || rule.Remaining is <= 0) continue;
                if (_random.NextDouble() >= rule.Rate) continue;
                if (rule.Remaining.HasValue) rule.Remaining--;
                rule.Fired++;
                return rule;
            }
            return null;
        }
    }
}
