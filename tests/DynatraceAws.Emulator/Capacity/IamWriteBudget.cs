using System;
using System.Collections.Generic;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Capacity;

/// <summary>
/// IAM throttles each account's calls ("Throttling", "Rate exceeded") at rates AWS does not publish.
/// Modelled as a token bucket per account for the calls that change something: it holds one
/// second's worth and refills continuously; a call finding it empty is refused and changes nothing.
/// Reads (Get*, List*) are not counted. Without a rate nothing is refused.
/// </summary>
internal sealed class IamWriteBudget(double? perSecond)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one call of <paramref name="action"/> from the account's budget, or throws IAM's Throttling error.</summary>
    public void Spend(string accountId, string action, DateTimeOffset now)
    {
        if (perSecond is not { } rate || action.StartsWith("Get", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal)) return;
        var burst = Math.Max(1, rate);
        lock (_gate)
        {
            var (tokens, at) = _buckets.TryGetValue(accountId, out var bucket) ? bucket : (burst, now);
            tokens = Math.Min(burst, tokens + Math.Max(0, (now - at).TotalSeconds) * rate);
            if (tokens < 1)
            {
                _buckets[accountId] = (tokens, now);
                // The shape of IAM's throttling answer: a Sender fault, code Throttling, HTTP 400.
                throw new AwsError(400, "Throttling", "Rate exceeded");
            }
            _buckets[accountId] = (tokens - 1, now);
        }
    }
}
