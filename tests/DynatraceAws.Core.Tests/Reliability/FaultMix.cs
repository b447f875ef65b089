using System;
using System.Collections.Generic;
using DynatraceAws.Emulator;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// Every fault kind on every service, together a given share of each service's requests. A kind
/// goes only where it is plausible and the module is meant to recover from it.
/// </summary>
public static class FaultMix
{
    /// <summary>Transient on every service.</summary>
    private static readonly FaultKind[] Common =
    [
        FaultKind.TooManyRequestsRetryAfter, FaultKind.TooManyRequestsRateLimitReset, FaultKind.TooManyRequestsBare,
        FaultKind.BadGateway, FaultKind.ServiceUnavailable, FaultKind.GatewayTimeout,
        FaultKind.DropConnection, FaultKind.ProcessThenDropConnection, FaultKind.SlowResponse,
    ];

    // 500 is retried for IAM and STS (their exceptions call it transient) but final for Dynatrace (DynatraceApiException).
    private static readonly FaultKind[] Aws = [.. Common, FaultKind.InternalServerError, FaultKind.IamThrottling];

    /// <param name="dynatraceTimeout">The client's request timeout: a slow Dynatrace answer outlives it.</param>
    /// <returns>The rules added, to count what fired.</returns>
    public static IReadOnlyList<FaultRule> Add(Faults faults, double share, TimeSpan dynatraceTimeout)
    {
        // Rules are tried in turn, so n kinds at share/n each fault about share of the requests.
        var rules = new List<FaultRule>();
        var dynatraceRate = share / (Common.Length + 1);
        foreach (var kind in Common)
            rules.Add(faults.Add(new FaultRule { Service = "dynatrace", Kind = kind, Rate = dynatraceRate, Delay = dynatraceTimeout * 3 }));
        // Only a settings write can meet a stale updateToken.
        rules.Add(faults.Add(new FaultRule { Service = "dynatrace", Method = "PUT", Kind = FaultKind.UpdateTokenConflict, Rate = dynatraceRate }));

        // AWS calls share an HttpClient with a 30 s timeout: there a slow answer is latency, not a timeout.
        foreach (var service in new[] { "iam", "sts" })
            foreach (var kind in Aws)
                rules.Add(faults.Add(new FaultRule { Service = service, Kind = kind, Rate = share / Aws.Length, Delay = TimeSpan.FromMilliseconds(300) }));
        return rules;
    }
}
