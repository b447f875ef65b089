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

namespace DynatraceAws.Bench;

/// <summary>
/// End-to-end onboarding benchmark against the in-process emulator with injected latency.
/// A plain Stopwatch harness: each measurement is one stateful, seconds-to-minutes run (accounts
/// get created, so it cannot be repeated on the same emulator), which BenchmarkDotNet's
/// warm-up/iteration model does not fit; one fresh emulator per scenario instead.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var o = Options.Parse(args);
        if (o is null) return 2;
        var latency = new Latency(TimeSpan.FromMilliseconds(o.DynatraceLatencyMs), TimeSpan.FromMilliseconds(o.AwsLatencyMs));
        Console.WriteLine($"DynatraceAws onboarding benchmark: accounts {string.Join(",", o.Accounts)}, ThrottleLimit {string.Join(",", o.Throttles)}, " +
                          $"latency {o.DynatraceLatencyMs} ms/Dynatrace call, {o.AwsLatencyMs} ms/IAM-STS call, propagation delay 0, " +
                          (o.Full ? "everything measured in full" : $"baseline and ThrottleLimit 1 measured on at most {o.Sample} accounts and extrapolated"));
        Action<string>? progress = o.Quiet ? null : Console.WriteLine;

        // Warm-up and critical path: one new account through the engine, alone.
        var probe = await Scenarios.EngineAsync(1, 1, 1, latency);
        var perAccount = probe.CallsPerAccountByEndpoint.Where(kv => !IsRunLevel(kv.Key)).ToArray();
        var dtPerAccount = perAccount.Where(kv => !kv.Key.Contains(':')).Sum(kv => kv.Value);
        var awsPerAccount = perAccount.Where(kv => kv.Key.Contains(':')).Sum(kv => kv.Value);
        var criticalPath = dtPerAccount * o.DynatraceLatencyMs / 1000.0 + awsPerAccount * o.AwsLatencyMs / 1000.0;
        Console.WriteLine($"Critical path of one new account: {dtPerAccount} Dynatrace + {awsPerAccount} IAM/STS calls = {criticalPath:0.000} s of latency " +
                          $"(one account alone, run-level reads included, measured {probe.MeasuredWallSeconds:0.000} s).");

        var results = new List<ScenarioResult>();
        var table = new Table();
        foreach (var n in o.Accounts)
        {
            if (!o.SkipBaseline)
                Add(await Scenarios.BaselineAsync(n, o.Full ? n : Math.Min(n, o.Sample), latency, progress));
            foreach (var tl in o.Throttles)
                Add(await Scenarios.EngineAsync(n, o.Full || tl > 1 ? n : Math.Min(n, o.Sample), tl, latency, progress));
        }

        var targets = Targets(o, results, criticalPath);
        Console.WriteLine();
        Console.WriteLine(table.Render());
        foreach (var t in targets) Console.WriteLine($"{(t.Met ? "MET   " : "NOT MET")} {t.Target}: {t.Measured}");

        var report = new
        {
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            machine = new
            {
                processors = Environment.ProcessorCount,
                memoryGB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0, 1),
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
            },
            settings = new
            {
                dynatraceLatencyMs = o.DynatraceLatencyMs,
                awsLatencyMs = o.AwsLatencyMs,
                propagationDelayMs = 0,
                dynatraceMaxConcurrentRequests = DynatraceEnvironment.MaxConcurrentRequests,
                sample = o.Full ? (int?)null : o.Sample,
            },
            criticalPath = new
            {
                seconds = Math.Round(criticalPath, 3),
                dynatraceCalls = dtPerAccount,
                awsCalls = awsPerAccount,
                calls = perAccount.ToDictionary(kv => kv.Key, kv => kv.Value),
                singleAccountMeasuredSeconds = probe.MeasuredWallSeconds,
            },
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
            var baseline = results.FirstOrDefault(b => b.Accounts == r.Accounts && b.ThrottleLimit is null);
            var lowerBound = r.ThrottleLimit is int tl ? criticalPath * Math.Ceiling(r.Accounts / (double)tl) : (double?)null;
            table.Add(r, lowerBound, baseline is null || r.ThrottleLimit is null ? null : baseline.WallSeconds / r.WallSeconds);
            Console.WriteLine(table.Last());
            if (r.Failed > 0) Console.WriteLine($"  {r.Failed} failed, first: {r.FirstError}");
        }
    }

    /// <summary>Reads the engine makes once per run, not per account.</summary>
    private static bool IsRunLevel(string endpoint) =>
        endpoint.StartsWith("GET ", StringComparison.Ordinal)
        && (endpoint.EndsWith("/settings/objects", StringComparison.Ordinal) || endpoint.EndsWith("/monitoring-configurations", StringComparison.Ordinal)
            || endpoint.EndsWith("/extensions", StringComparison.Ordinal));

    public sealed record TargetCheck(string Target, string Measured, bool Met);

    private static List<TargetCheck> Targets(Options o, List<ScenarioResult> results, double criticalPath)
    {
        var checks = new List<TargetCheck>();
        var n = o.Accounts.Max();
        var tl = o.Throttles.Max();
        var engine = results.FirstOrDefault(r => r.Accounts == n && r.ThrottleLimit == tl);
        if (engine is null) return checks;
        var bound = criticalPath * Math.Ceiling(n / (double)tl);
        checks.Add(new TargetCheck($"{n} accounts at ThrottleLimit {tl} within 1.5x the lower bound ({bound:0.00} s)",
            $"{engine.WallSeconds:0.00} s = {engine.WallSeconds / bound:0.00}x", engine.WallSeconds <= 1.5 * bound));
        var baseline = results.FirstOrDefault(r => r.Accounts == n && r.ThrottleLimit is null);
        if (baseline != null)
            checks.Add(new TargetCheck($"{n} accounts at ThrottleLimit {tl} at least 10x faster than the baseline",
                $"{baseline.WallSeconds:0.0} s{(baseline.Extrapolated ? $" (extrapolated from {baseline.MeasuredAccounts})" : "")} / {engine.WallSeconds:0.00} s = {baseline.WallSeconds / engine.WallSeconds:0.0}x",
                baseline.WallSeconds >= 10 * engine.WallSeconds));
        var peak = results.Where(r => r.Accounts == n && r.MeasuredAccounts == n).Select(r => r.PeakWorkingSetGrowthMB).DefaultIfEmpty(double.NaN).Max();
        checks.Add(new TargetCheck($"peak memory growth under 100 MB for {n} accounts (process working set, emulator included)", $"{peak:0.0} MB", peak < 100));
        checks.Add(new TargetCheck("results stream out as accounts finish",
            $"first of {n} after {engine.FirstResultSeconds:0.00} s, all after {engine.WallSeconds:0.00} s",
            engine.FirstResultSeconds < engine.WallSeconds / 4));
        return checks;
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
            new[] { "N", "scenario", "measured", "wall s", "1st result s", "calls/acct", "DT slots used", "peak WS +MB", "lower bound s", "x bound", "x faster than baseline" },
        };

        public void Add(ScenarioResult r, double? lowerBound, double? speedup) => _rows.Add(new[]
        {
            r.Accounts.ToString(),
            r.Scenario,
            r.Extrapolated ? $"{r.MeasuredAccounts} (extrapolated)" : r.MeasuredAccounts.ToString(),
            r.WallSeconds.ToString("0.00"),
            r.FirstResultSeconds.ToString("0.00"),
            r.CallsPerAccount.ToString("0.00"),
            r.DynatraceSlotUtilization.ToString("P0"),
            r.PeakWorkingSetGrowthMB.ToString("0.0"),
            lowerBound?.ToString("0.00") ?? "",
            lowerBound is double lb ? (r.WallSeconds / lb).ToString("0.00") : "",
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
        public int Sample { get; private set; } = 30;
        public bool Full { get; private set; }
        public bool SkipBaseline { get; private set; }
        public bool Quiet { get; private set; }
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
                    case "--sample": o.Sample = int.Parse(Next()); break;
                    case "--full": o.Full = true; break;
                    case "--no-baseline": o.SkipBaseline = true; break;
                    case "--quiet": o.Quiet = true; break;
                    case "--dt-latency": o.DynatraceLatencyMs = int.Parse(Next()); break;
                    case "--aws-latency": o.AwsLatencyMs = int.Parse(Next()); break;
                    case "--out": o.Out = Next(); break;
                    default:
                        Console.Error.WriteLine("""
                            Usage: dotnet run -c Release --project bench/DynatraceAws.Bench -- [options]
                              --accounts 10,100,500   account counts (default 10,100,500)
                              --throttle 1,8,32       engine ThrottleLimits (default 1,8,32)
                              --sample 30             baseline and ThrottleLimit 1 run on at most this many accounts, extrapolated linearly
                              --full                  measure everything in full (the 500-account baseline alone takes ~8 min)
                              --no-baseline           skip the seed baseline
                              --dt-latency 50         ms injected per Dynatrace call
                              --aws-latency 80        ms injected per IAM/STS call
                              --out PATH              JSON output (default bench/results/latest.json)
                              --quiet                 no per-scenario progress lines
                            """);
                        return null;
                }
            }
            return o;
        }
    }
}
