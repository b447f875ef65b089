using System;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Bench;

/// <summary>
/// One new account's 10 calls and what each waits for, as AccountRegistration plans them: the
/// checks (the way into the account, the role read) before any write, then each write after the
/// ones it needs. The run's one-off reads are not in it. Its longest path is the least time an
/// account can take at these latencies.
/// </summary>
public static class NewAccountGraph
{
    private static readonly (string Call, bool Aws, string[] After)[] Calls =
    {
        ("AssumeRole", true, []),
        ("GetRole", true, ["AssumeRole"]),
        ("POST connection", false, ["GetRole"]),
        ("CreatePolicy 1", true, ["GetRole"]),
        ("CreatePolicy 2", true, ["GetRole"]),
        ("CreateRole", true, ["POST connection"]), // trusts the connection's id
        ("AttachRolePolicy 1", true, ["CreateRole", "CreatePolicy 1"]),
        ("AttachRolePolicy 2", true, ["CreateRole", "CreatePolicy 2"]),
        ("PUT roleArn", false, ["POST connection", "CreateRole"]),
        ("POST configuration", false, ["POST connection", "PUT roleArn"]),
    };

    public static double Sum(Latency latency) => Calls.Sum(c => Seconds(c.Aws, latency));

    public static double CriticalPath(Latency latency) => Finish(latency).Values.Max(f => f.At);

    /// <summary>The calls of the longest path, first to last.</summary>
    public static IReadOnlyList<string> CriticalCalls(Latency latency)
    {
        var finish = Finish(latency);
        var path = new List<string>();
        for (var call = finish.MaxBy(f => f.Value.At).Key; call != null; call = finish[call].Via) path.Insert(0, call);
        return path;
    }

    private static Dictionary<string, (double At, string? Via)> Finish(Latency latency)
    {
        var finish = new Dictionary<string, (double At, string? Via)>();
        foreach (var (call, aws, after) in Calls) // listed after the calls they wait for
        {
            var via = after.OrderByDescending(a => finish[a].At).FirstOrDefault();
            finish[call] = ((via is null ? 0 : finish[via].At) + Seconds(aws, latency), via);
        }
        return finish;
    }

    private static double Seconds(bool aws, Latency latency) => (aws ? latency.Aws : latency.Dynatrace).TotalSeconds;
}
