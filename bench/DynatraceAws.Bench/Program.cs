using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Emulator.Capacity;

namespace DynatraceAws.Bench;

/// <summary>
/// End-to-end onboarding benchmark against the emulator with injected latency, in a process of its
/// own (<see cref="EmulatorChild"/>). A plain Stopwatch harness: each measurement is one stateful,
/// seconds-to-minutes run (accounts get created, so it cannot be repeated on the same emulator),
/// which BenchmarkDotNet's warm-up/iteration model does not fit; one fresh emulator per scenario instead.
/// </summary>
public static class Program
{
    /// <summary>The sum of a new account's 10 calls before they ran at their dependency graph (3 x 50 ms + 7 x 80 ms).</summary>
    private const double OldChainSeconds = 0.71;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length > 0 && args[0] == "serve") return await EmulatorChild.ServeAsync(args);
        var o = Options.Parse(args);
        if (o is null) return 2;
        var latency = new Latency(TimeSpan.FromMilliseconds(o.DynatraceLatencyMs), TimeSpan.FromMilliseconds(o.AwsLatencyMs));
        Console.WriteLine($"DynatraceAws onboarding benchmark: latency {o.DynatraceLatencyMs} ms/Dynatrace call, {o.AwsLatencyMs} ms/IAM-STS call, propagation delay 0; " +
                          $"unlimited environment: accounts {string.Join(",", o.Accounts)} at ThrottleLimit {string.Join(",", o.Throttles)}; " +
                          $"capacity K={string.Join(",", o.Capacities)} (queue {(o.Queue is { } q ? q.ToString() : "K")}): {o.CapacityAccounts} accounts at ThrottleLimit {o.CapacityThrottle}, adaptive and fixed {o.FixedLimit}; " +
                          $"scale: {o.ScaleAccounts} accounts, K={o.ScaleCapacity}; " +
                          (o.Full ? "everything measured in full" : $"the baseline and ThrottleLimit 1 measured on at most {o.Sample} accounts and extrapolated"));
        Action<string>? progress = o.Quiet ? null : Console.WriteLine;
        var criticalPath = NewAccountGraph.CriticalPath(latency);
        Console.WriteLine($"Critical path of one new account: {string.Join(" -> ", NewAccountGraph.CriticalCalls(latency))} = {criticalPath:0.000} s " +
                          $"(its 10 calls one after another: {NewAccountGraph.Sum(latency):0.000} s).");

        var results = new List<ScenarioResult>();
        var table = new Table();
        ScenarioResult? baseline = null;

        await Scenarios.EngineAsync(1, 1, 1, latency); // warm-up: JIT, first connections
        Scenarios.LimitTrace = o.TraceLimits ? Console.WriteLine : null;
        Add(await Scenarios.EngineAsync(1, 1, 1, latency, progress: progress)); // one account alone, its run's one-off reads included

        var sizes = o.Accounts.Concat(o.Capacities.Length > 0 ? new[] { o.CapacityAccounts } : Array.Empty<int>())
            .Concat(o.ScaleAccounts > 0 ? new[] { o.ScaleAccounts } : Array.Empty<int>()).ToArray();
        if (!o.SkipBaseline && sizes.Length > 0)
        {
            var largest = sizes.Max();
            var measured = o.Full ? largest : Math.Min(largest, o.Sample);
            baseline = await Scenarios.BaselineAsync(measured, measured, latency, progress);
        }

        foreach (var n in o.Accounts)
        {
            if (baseline != null) AddBaseline(n);
            foreach (var tl in o.Throttles)
                Add(await Scenarios.EngineAsync(n, o.Full || tl > 1 ? n : Math.Min(n, o.Sample), tl, latency, progress: progress));
        }

        foreach (var k in o.Capacities)
        {
            var capacity = new DynatraceCapacity(k, o.Queue ?? k);
            if (baseline != null) AddBaseline(o.CapacityAccounts);
            Add(await Scenarios.EngineAsync(o.CapacityAccounts, o.CapacityAccounts, o.CapacityThrottle, latency, capacity, progress: progress));
            Add(await Scenarios.EngineAsync(o.CapacityAccounts, o.CapacityAccounts, o.CapacityThrottle, latency, capacity, o.FixedLimit, progress));
        }

        if (o.ScaleAccounts > 0)
        {
            var capacity = new DynatraceCapacity(o.ScaleCapacity, o.Queue ?? o.ScaleCapacity);
            if (baseline != null) AddBaseline(o.ScaleAccounts);
            Add(await Scenarios.EngineAsync(o.ScaleAccounts, o.ScaleAccounts, o.CapacityThrottle, latency, capacity, progress: progress));
        }

        var targets = Targets(o, results, criticalPath);
        Console.WriteLine();
        Console.WriteLine(table.Render());
        foreach (var t in targets) Console.WriteLine($"{(t.Met ? "MET    " : "NOT MET")} {t.Target}: {t.Measured}");

        var report = new
        {
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            machine = new
            {
                processors = Environment.ProcessorCount,
                memoryGB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0, 1),
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
                loadAverage = LoadAverage(),
            },
            settings = new
            {
                dynatraceLatencyMs = o.DynatraceLatencyMs,
                awsLatencyMs = o.AwsLatencyMs,
                propagationDelayMs = 0,
                dynatraceInitialConcurrentRequests = DynatraceEnvironment.InitialConcurrentRequests,
                dynatraceMaxConcurrentRequests = DynatraceEnvironment.MaxConcurrentRequests,
                queue = o.Queue?.ToString() ?? "K",
                sample = o.Full ? (int?)null : o.Sample,
            },
            criticalPath = new { seconds = Math.Round(criticalPath, 3), calls = NewAccountGraph.CriticalCalls(latency), oldChainSeconds = OldChainSeconds },
            results,
            table = table.Render(),
            targets,
        };
        var outPath = Path.GetFullPath(o.Out ?? Path.Combine(RepoRoot(), "bench", "results", "latest.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Wrote {outPath}");
        return results.All(r => r.Failed == 0) ? 0 : 1;

        void Add(ScenarioResult r)
        {
            results.Add(r);
            table.Add(r, Bound(r, criticalPath, latency), baseline is null || r.ThrottleLimit is null ? null : baseline.WallSeconds / baseline.Accounts * r.Accounts / r.WallSeconds);
            Console.WriteLine(table.Last());
            if (r.Failed > 0) Console.WriteLine($"  {r.Failed} failed, first: {r.FirstError}");
        }

        void AddBaseline(int n)
        {
            var scaled = new ScenarioResult
            {
                Scenario = baseline!.Scenario,
                Accounts = n,
                MeasuredAccounts = baseline.MeasuredAccounts,
                MeasuredWallSeconds = baseline.MeasuredWallSeconds,
                WallSeconds = Math.Round(baseline.MeasuredWallSeconds / baseline.MeasuredAccounts * n, 3),
                FirstResultSeconds = baseline.FirstResultSeconds,
                Succeeded = baseline.Succeeded,
                Failed = baseline.Failed,
                TotalCalls = baseline.TotalCalls,
                CallsPerAccount = baseline.CallsPerAccount,
                AccountCallsPerAccount = baseline.AccountCallsPerAccount,
                PeakWorkingSetGrowthMB = baseline.PeakWorkingSetGrowthMB,
            };
            Add(scaled);
        }
    }

    /// <summary>
    /// The fastest the scenario could be: its rounds of ThrottleLimit accounts times the critical path,
    /// and with a capacity also the environment's threads kept busy by every call Dynatrace served.
    /// </summary>
    private static double? Bound(ScenarioResult r, double criticalPath, Latency latency)
    {
        if (r.ThrottleLimit is not int tl) return null;
        var rounds = criticalPath * Math.Ceiling(r.Accounts / (double)tl);
        if (r.Capacity is null) return rounds;
        var served = (r.DynatraceCalls - r.Refused) * latency.Dynatrace.TotalSeconds / r.Capacity.Threads;
        return Math.Max(rounds, served);
    }

    public sealed record TargetCheck(string Target, string Measured, bool Met);

    private static List<TargetCheck> Targets(Options o, List<ScenarioResult> results, double criticalPath)
    {
        var checks = new List<TargetCheck>();
        var latency = new Latency(TimeSpan.FromMilliseconds(o.DynatraceLatencyMs), TimeSpan.FromMilliseconds(o.AwsLatencyMs));
        ScenarioResult? Engine(int n, int? k, bool adaptive = true, int? tl = null) => results.FirstOrDefault(r =>
            r.Accounts == n && r.ThrottleLimit != null && (tl is null || r.ThrottleLimit == tl) && r.Capacity?.Threads == k && (r.FixedLimit is null) == adaptive
            && r.MeasuredAccounts > 1);

        var alone = results.FirstOrDefault(r => r.Accounts == 1);
        var chain = results.Where(r => r.ThrottleLimit == 1 && r.Accounts > 1).OrderByDescending(r => r.MeasuredAccounts).FirstOrDefault();
        if (alone != null)
            checks.Add(new TargetCheck($"one account alone (ThrottleLimit 1) within 0.75x the old {OldChainSeconds:0.00} s chain",
                $"{alone.WallSeconds:0.000} s with the run's one-off reads" + (chain is null ? "" : $"; {chain.MeasuredWallSeconds / chain.MeasuredAccounts:0.000} s per account over {chain.MeasuredAccounts} accounts"),
                (chain is null ? alone.WallSeconds : chain.MeasuredWallSeconds / chain.MeasuredAccounts) <= 0.75 * OldChainSeconds));

        foreach (var k in o.Capacities)
        {
            var adaptive = Engine(o.CapacityAccounts, k);
            var fixedLimit = Engine(o.CapacityAccounts, k, adaptive: false);
            if (adaptive is null || fixedLimit is null) continue;
            var bound = Bound(adaptive, criticalPath, latency)!.Value;
            // Up to the old fixed limit the environment is the bottleneck: the adaptive limit must keep it busy without many 429s.
            if (k <= o.FixedLimit)
                checks.Add(new TargetCheck($"K={k}: {o.CapacityAccounts} accounts within 1.25x the capacity bound ({bound:0.00} s), 0 failed, at most 2% of requests answered 429",
                    $"{adaptive.WallSeconds:0.00} s = {adaptive.WallSeconds / bound:0.00}x, {adaptive.Failed} failed, {adaptive.RefusedShare:P2} answered 429",
                    adaptive.WallSeconds <= 1.25 * bound && adaptive.Failed == 0 && adaptive.RefusedShare <= 0.02));
            // Far above it, the adaptive limit must find the room the fixed one leaves unused.
            var muchLarger = k >= 4 * o.FixedLimit;
            checks.Add(new TargetCheck($"K={k}: the adaptive limit against the fixed {o.FixedLimit}, 0 failed" + (muchLarger ? ", at least 2x faster" : ""),
                $"{fixedLimit.WallSeconds:0.00} s / {adaptive.WallSeconds:0.00} s = {fixedLimit.WallSeconds / adaptive.WallSeconds:0.00}x ({adaptive.WallSeconds / bound:0.00}x the capacity bound), " +
                $"{adaptive.Failed} and {fixedLimit.Failed} failed, {adaptive.RefusedShare:P2} answered 429",
                adaptive.Failed == 0 && fixedLimit.Failed == 0 && (!muchLarger || fixedLimit.WallSeconds >= 2 * adaptive.WallSeconds)));
        }

        if (Engine(o.ScaleAccounts, o.ScaleCapacity) is { } scale && o.ScaleAccounts > 0)
            checks.Add(new TargetCheck($"{o.ScaleAccounts} accounts: memory growth under 150 MB, first result within 1.5 s, at most 10 calls per new account (besides the run's one-off reads), 0 failed",
                $"{scale.PeakWorkingSetGrowthMB:0.0} MB working set (managed heap {scale.PeakManagedHeapGrowthMB:0.0} MB), first after {scale.FirstResultSeconds:0.00} s, " +
                $"{scale.AccountCallsPerAccount:0.00} calls per account, {scale.Failed} failed, all after {scale.WallSeconds:0.0} s",
                scale.PeakWorkingSetGrowthMB < 150 && scale.FirstResultSeconds <= 1.5 && scale.AccountCallsPerAccount <= 10 && scale.Failed == 0));

        if (o.Accounts.Length > 0 && o.Throttles.Length > 0)
        {
            var n = o.Accounts.Max();
            var tl = o.Throttles.Max();
            if (Engine(n, null, tl: tl) is { } engine)
            {
                var bound = criticalPath * Math.Ceiling(n / (double)tl);
                checks.Add(new TargetCheck($"{n} accounts at ThrottleLimit {tl}, unlimited environment, within 1.5x the lower bound ({bound:0.00} s)",
                    $"{engine.WallSeconds:0.00} s = {engine.WallSeconds / bound:0.00}x", engine.WallSeconds <= 1.5 * bound));
            }
        }
        return checks;
    }

    private static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DynatraceAws.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private sealed class Table
    {
        private readonly List<string[]> _rows = new()
        {
            new[] { "N", "scenario", "environment", "measured", "wall s", "1st result s", "calls/acct", "429 %", "DT busy", "CPU s engine+emulator", "peak WS +MB", "bound s", "x bound", "x faster than baseline" },
        };

        public void Add(ScenarioResult r, double? bound, double? speedup) => _rows.Add(new[]
        {
            r.Accounts.ToString(),
            r.Scenario,
            r.Capacity is { } c ? $"K={c.Threads}, queue {c.Queue}" : r.ThrottleLimit is null ? "" : "unlimited",
            r.Extrapolated ? $"{r.MeasuredAccounts} (extrapolated)" : r.MeasuredAccounts.ToString(),
            r.WallSeconds.ToString("0.00"),
            r.FirstResultSeconds.ToString("0.00"),
            r.CallsPerAccount.ToString("0.00"),
            r.Capacity is null ? "" : r.RefusedShare.ToString("P2"),
            r.DynatraceBusy?.ToString("P0") ?? "",
            r.EngineCpuSeconds + r.EmulatorCpuSeconds == 0 ? "" : $"{r.EngineCpuSeconds:0.0}+{r.EmulatorCpuSeconds:0.0}",
            r.PeakWorkingSetGrowthMB.ToString("0.0"),
            bound?.ToString("0.00") ?? "",
            bound is double b ? (r.WallSeconds / b).ToString("0.00") : "",
            speedup?.ToString("0.0") ?? "",
        });

        public string Last() => Line(_rows[^1]);

        public string Render()
        {
            var sb = new StringBuilder();
            sb.AppendLine(Line(_rows[0]));
            sb.AppendLine("|" + string.Concat(_rows[0].Select(_ => "---|")));
            foreach (var row in _rows.Skip(1)) sb.AppendLine(Line(row));
            return sb.ToString().TrimEnd();
        }

        private static string Line(string[] cells) => "| " + string.Join(" | ", cells) + " |";
    }

    private sealed class Options
    {
        public int[] Accounts { get; private set; } = { 10, 100, 500 };
        public int[] Throttles { get; private set; } = { 1, 8, 32 };
        public int[] Capacities { get; private set; } = { 10, 40 };
        public int? Queue { get; private set; }
        public int CapacityAccounts { get; private set; } = 2000;
        public int CapacityThrottle { get; private set; } = 128;
        public int FixedLimit { get; private set; } = 10;
        public int ScaleAccounts { get; private set; } = 5000;
        public int ScaleCapacity { get; private set; } = 40;
        public int Sample { get; private set; } = 30;
        public bool Full { get; private set; }
        public bool SkipBaseline { get; private set; }
        public bool Quiet { get; private set; }
        public bool TraceLimits { get; private set; }
        public int DynatraceLatencyMs { get; private set; } = 50;
        public int AwsLatencyMs { get; private set; } = 80;
        public string? Out { get; private set; }

        public static Options? Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int[] List() => Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
                switch (args[i])
                {
                    case "--accounts": o.Accounts = List(); break;
                    case "--throttle": o.Throttles = List(); break;
                    case "--capacity": o.Capacities = List(); break;
                    case "--queue": o.Queue = int.Parse(Next()); break;
                    case "--capacity-accounts": o.CapacityAccounts = int.Parse(Next()); break;
                    case "--capacity-throttle": o.CapacityThrottle = int.Parse(Next()); break;
                    case "--fixed": o.FixedLimit = int.Parse(Next()); break;
                    case "--scale": o.ScaleAccounts = int.Parse(Next()); break;
                    case "--scale-capacity": o.ScaleCapacity = int.Parse(Next()); break;
                    case "--sample": o.Sample = int.Parse(Next()); break;
                    case "--full": o.Full = true; break;
                    case "--no-baseline": o.SkipBaseline = true; break;
                    case "--quiet": o.Quiet = true; break;
                    case "--trace-limits": o.TraceLimits = true; break;
                    case "--dt-latency": o.DynatraceLatencyMs = int.Parse(Next()); break;
                    case "--aws-latency": o.AwsLatencyMs = int.Parse(Next()); break;
                    case "--out": o.Out = Next(); break;
                    default:
                        Console.Error.WriteLine("""
                            Usage: dotnet run -c Release --project bench/DynatraceAws.Bench -- [options]
                              --accounts 10,100,500   account counts against an unlimited environment ("" for none)
                              --throttle 1,8,32       their engine ThrottleLimits
                              --capacity 10,40        environment capacities K (threads) for the capacity scenarios ("" for none)
                              --queue N               the environment's queue (default: K)
                              --capacity-accounts 2000  accounts of each capacity scenario
                              --capacity-throttle 128   their ThrottleLimit (also the scale scenario's)
                              --fixed 10              the fixed limit the adaptive one is compared with
                              --scale 5000            accounts of the scale scenario (0 for none)
                              --scale-capacity 40     its environment's K
                              --sample 30             baseline and ThrottleLimit 1 run on at most this many accounts, extrapolated linearly
                              --full                  measure everything in full (the 500-account baseline alone takes ~8 min)
                              --no-baseline           skip the seed baseline
                              --dt-latency 50         ms injected per Dynatrace call
                              --aws-latency 80        ms injected per IAM/STS call
                              --out PATH              JSON output (default bench/results/latest.json)
                              --quiet                 no per-scenario progress lines
                              --trace-limits          print the engine's concurrency limits as they change (its debug lines)
                            """);
                        return null;
                }
            }
            return o;
        }
    }
}
