using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Plans;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Capacity;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Bench;

public sealed record Latency(TimeSpan Dynatrace, TimeSpan Aws);

/// <summary>One measured run: a fresh emulator, N new member accounts, one way of onboarding them.</summary>
public sealed class ScenarioResult
{
    public string Scenario { get; init; } = "";
    public int Accounts { get; init; }
    public int? ThrottleLimit { get; init; }

    /// <summary>Null: the engine's adaptive limit; else the fixed number of requests in flight to Dynatrace.</summary>
    public int? FixedLimit { get; init; }

    /// <summary>The environment's threads and queue; null when unlimited.</summary>
    public DynatraceCapacity? Capacity { get; init; }

    public int MeasuredAccounts { get; init; }
    public bool Extrapolated => MeasuredAccounts < Accounts;
    public double MeasuredWallSeconds { get; init; }
    /// <summary>Wall time for all <see cref="Accounts"/>: measured, or measured / MeasuredAccounts * Accounts when extrapolated.</summary>
    public double WallSeconds { get; init; }
    public double FirstResultSeconds { get; init; }
    public int Succeeded { get; init; }
    public int Failed { get; init; }
    public string? FirstError { get; init; }
    public int TotalCalls { get; init; }
    public double CallsPerAccount { get; init; }

    /// <summary>Calls per account without the run's one-off reads and without refused (429) requests.</summary>
    public double AccountCallsPerAccount { get; init; }
    public SortedDictionary<string, double> CallsPerAccountByEndpoint { get; init; } = new();
    public int DynatraceCalls { get; init; }

    /// <summary>Dynatrace requests the environment answered 429.</summary>
    public int Refused { get; init; }
    public double RefusedShare => TotalCalls == 0 ? 0 : Math.Round(Refused / (double)TotalCalls, 4);
    public int AwsCalls { get; init; }

    /// <summary>Share of the environment's threads kept busy: served Dynatrace calls * latency / (wall * threads).</summary>
    public double? DynatraceBusy { get; init; }
    public double PeakWorkingSetGrowthMB { get; init; }
    public double PeakManagedHeapGrowthMB { get; init; }

    /// <summary>CPU seconds the module's process (the engine) and the emulator's used during the scenario.</summary>
    public double EngineCpuSeconds { get; init; }
    public double EmulatorCpuSeconds { get; init; }
    public double AllocatedMB { get; init; }
}

public static partial class Scenarios
{
    private static readonly RetryPolicy Retry = RetryPolicy.Default;

    /// <summary>Hears the concurrency limits' debug lines of the engine scenarios, when set.</summary>
    public static Action<string>? LimitTrace { get; set; }

    /// <summary>Register-DtAwsAccount's engine, as the cmdlet drives it.</summary>
    /// <param name="fixedLimit">Requests in flight to Dynatrace held at this number, as before the adaptive limit.</param>
    public static Task<ScenarioResult> EngineAsync(int accounts, int measured, int throttleLimit, Latency latency, DynatraceCapacity? capacity = null,
        int? fixedLimit = null, Action<string>? progress = null)
    {
        var name = $"engine TL={throttleLimit}" + (capacity is null ? "" : fixedLimit is { } f ? $", fixed {f}" : ", adaptive");
        return RunAsync(name, accounts, measured, throttleLimit, fixedLimit, latency, capacity, async (environment, aws, members, finished, ct) =>
        {
            if (fixedLimit is { } limit) environment.Requests = new AdaptiveConcurrency($"Dynatrace environment {environment.EnvironmentId}", limit, limit, limit);
            var options = new RegistrationOptions
            {
                ThrottleLimit = throttleLimit,
                Aws = aws,
                Region = new[] { "us-east-1" },
            };
            var rows = members.Select((a, i) => new AccountRequest { AccountId = a, Name = $"aws-{a}", Source = $"row {i + 2}" }).ToArray();
            var log = LimitTrace is { } trace ? new LimitLog(trace) : null;
            await new AccountRegistration(environment, options, log, Retry).RunAsync(rows, _ => Task.FromResult(Approval.Apply),
                r => finished(r.AccountId, r.Status == AccountStatus.Onboarded ? null : $"{r.Status} at {r.Step}: {r.Error}"), ct);
        }, progress);
    }

    /// <summary>
    /// The seed's onboarding: one account after another, every call of it in order, nothing
    /// reused across accounts (a fresh Dynatrace session per account, so the extension version is read each time).
    /// </summary>
    public static Task<ScenarioResult> BaselineAsync(int accounts, int measured, Latency latency, Action<string>? progress = null) =>
        RunAsync("baseline (seed)", accounts, measured, null, null, latency, null, async (environment, aws, members, finished, ct) =>
        {
            foreach (var account in members)
            {
                string? error = null;
                try
                {
                    await SeedOnboardAsync(environment.EnvironmentUrl, aws, account, ct);
                }
                catch (Exception ex)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }
                finished(account, error);
            }
        }, progress);

    private static async Task SeedOnboardAsync(string environmentUrl, AwsCredentialOptions aws, string account, CancellationToken ct)
    {
        using var environment = Connect(environmentUrl);
        var name = $"aws-{account}";
        // POST connection
        var connection = (await new AwsConnections(environment, null, Retry).CreateAsync(name, account, ct)).Item;
        // STS AssumeRole + GetCallerIdentity: the way into the member account
        var access = await AwsAccountAccess.OpenAsync(account, aws, null, Retry, ct);
        var iam = access.Iam(Retry);
        // IAM CreatePolicy x2, CreateRole, AttachRolePolicy x2
        var policyArns = new List<string>();
        foreach (var (policy, document) in new[] { (MonitoringPolicies.FirstName, MonitoringPolicies.First), (MonitoringPolicies.SecondName, MonitoringPolicies.Second) })
            policyArns.Add((await iam.CreatePolicyAsync(new CreatePolicyRequest(policy, document), ct)).Arn);
        var trust = TrustPolicy.Document(TrustPolicy.AccountFor(environment), connection.ConnectionId);
        var role = await iam.CreateRoleAsync(new CreateRoleRequest(MonitoringRoleSpec.DefaultRoleName, trust, "/", "Lets Dynatrace monitor this account (DynatraceAws)",
            null, new[] { new IamTag(MonitoringRoleSpec.EnvironmentTagKey, environment.EnvironmentId) }), ct);
        foreach (var arn in policyArns)
            await iam.AttachRolePolicyAsync(role.RoleName, arn, ct);
        // GET connection + PUT roleArn
        await new AwsConnections(environment, null, Retry).SetRoleArnAsync(connection.ConnectionId, role.Arn, new RoleArnOptions(), null, ct);
        // GET extensions (activeVersion) + POST monitoring configuration
        var configurations = new MonitoringConfigurations(environment, null, Retry);
        await configurations.CreateAsync(MonitoringConfigurations.Normalize(new MonitoringConfigurationSpec
        {
            AccountId = account,
            ConnectionId = connection.ConnectionId,
            ConnectionName = name,
            Regions = new[] { "us-east-1" },
        }, DaAwsChoices.Offline, out _), ct);
    }

    private delegate Task Body(DynatraceEnvironment environment, AwsCredentialOptions aws, string[] members, Action<string, string?> finished, CancellationToken ct);

    private static async Task<ScenarioResult> RunAsync(string scenario, int accounts, int measured, int? throttleLimit, int? fixedLimit, Latency latency,
        DynatraceCapacity? capacity, Body body, Action<string>? progress)
    {
        await using var emulator = await EmulatorChild.StartAsync(new EmulatorSetup(measured, latency, capacity));
        var members = EmulatorChild.Members(measured);
        var aws = new AwsCredentialOptions
        {
            AccessKey = emulator.AccessKey,
            SecretKey = Secure(emulator.SecretKey),
            Region = "us-east-1",
            EndpointUrl = emulator.BaseUrl,
            AssumeRoleName = OrganizationMembers.AccessRole,
        };
        using var environment = Connect(emulator.BaseUrl.ToString());
        await WarmAsync(emulator, aws, members[0]);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var startWorkingSet = Environment.WorkingSet;
        var startHeap = GC.GetTotalMemory(false);
        var startAllocated = GC.GetTotalAllocatedBytes(false);
        long peakWorkingSet = startWorkingSet, peakHeap = startHeap;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var startEmulatorCpu = emulator.ProcessorTime;
        var finishedAt = new ConcurrentQueue<double>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var count = 0;
        await body(environment, aws, members, (account, error) =>
        {
            finishedAt.Enqueue(clock.Elapsed.TotalSeconds);
            if (error != null) errors.Enqueue($"{account}: {error}");
            var n = Interlocked.Increment(ref count);
            if (progress != null && (n == 1 || n % Math.Max(1, measured / 5) == 0))
                progress($"  {scenario}, N={accounts}: {n}/{measured} done at {clock.Elapsed.TotalSeconds:0.00} s");
        }, CancellationToken.None);
        var wall = clock.Elapsed.TotalSeconds;
        var engineCpu = (Process.GetCurrentProcess().TotalProcessorTime - startCpu).TotalSeconds;
        var emulatorCpu = (emulator.ProcessorTime - startEmulatorCpu).TotalSeconds;
        sampling.Cancel();
        await sampler;
        peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));

        var log = await emulator.RequestsAsync();
        var refused = log.Count(e => e.Service == "dynatrace" && e.Status == 429);
        var byEndpoint = log.GroupBy(Endpoint).ToDictionary(g => g.Key, g => Math.Round(g.Count() / (double)measured, 3));
        var dynatraceCalls = log.Count(e => e.Service == "dynatrace");
        var served = (dynatraceCalls - refused) * latency.Dynatrace.TotalSeconds;
        return new ScenarioResult
        {
            Scenario = scenario,
            Accounts = accounts,
            ThrottleLimit = throttleLimit,
            FixedLimit = fixedLimit,
            Capacity = capacity,
            MeasuredAccounts = measured,
            MeasuredWallSeconds = Math.Round(wall, 3),
            WallSeconds = Math.Round(wall / measured * accounts, 3),
            FirstResultSeconds = Math.Round(finishedAt.DefaultIfEmpty(double.NaN).Min(), 3),
            Succeeded = measured - errors.Count,
            Failed = errors.Count,
            FirstError = errors.FirstOrDefault(),
            TotalCalls = log.Count,
            CallsPerAccount = Math.Round(log.Count / (double)measured, 3),
            AccountCallsPerAccount = Math.Round(log.Count(e => e.Status != 429 && !IsRunLevel(Endpoint(e))) / (double)measured, 3),
            CallsPerAccountByEndpoint = new SortedDictionary<string, double>(byEndpoint, StringComparer.Ordinal),
            DynatraceCalls = dynatraceCalls,
            Refused = refused,
            AwsCalls = log.Count - dynatraceCalls,
            DynatraceBusy = capacity is null ? null : Math.Round(served / (wall * capacity.Threads), 3),
            PeakWorkingSetGrowthMB = Math.Round((peakWorkingSet - startWorkingSet) / 1048576.0, 1),
            PeakManagedHeapGrowthMB = Math.Round((peakHeap - startHeap) / 1048576.0, 1),
            EngineCpuSeconds = Math.Round(engineCpu, 2),
            EmulatorCpuSeconds = Math.Round(emulatorCpu, 2),
            AllocatedMB = Math.Round((GC.GetTotalAllocatedBytes(false) - startAllocated) / 1048576.0, 1),
        };
    }

    /// <summary>Reads the engine makes once per run, not per account: the connections, the configurations, da-aws's version and schema, the caller.</summary>
    public static bool IsRunLevel(string endpoint) =>
        endpoint == "sts:GetCallerIdentity"
        || (endpoint.StartsWith("GET ", StringComparison.Ordinal)
            && (endpoint.EndsWith("/settings/objects", StringComparison.Ordinal) || endpoint.EndsWith("/monitoring-configurations", StringComparison.Ordinal)
                || endpoint.EndsWith("/extensions", StringComparison.Ordinal) || endpoint.EndsWith("/schema", StringComparison.Ordinal)));

    /// <summary>"GET /settings/objects/{id}" or "iam:CreateRole": ids and query strings folded so calls group by endpoint.</summary>
    public static string Endpoint(EmulatorRequest e)
    {
        if (e.Service != "dynatrace") return $"{e.Service}:{e.Operation}";
        var segments = e.Path.Split('/').Select(s => IdLike().IsMatch(s) ? "{id}" : s);
        return $"{e.Method} {string.Join("/", segments)}";
    }

    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9_\-=.]{16,}$")]
    private static partial Regex IdLike();

    /// <summary>The engine's debug lines that report a concurrency limit, and nothing else.</summary>
    private sealed class LimitLog(Action<string> write) : ICoreLog
    {
        public void Verbose(string message) { }
        public void Debug(string message) { if (message.Contains(" requests at once", StringComparison.Ordinal)) write("    " + message); }
        public void Warning(string message) { }
        public void Progress(ProgressReport report) { }
    }

    /// <summary>
    /// Each scenario's emulator is a fresh process: one call of each kind first (through clients of their
    /// own, then forgotten), so that the emulator's JIT is not counted as the module's time, as a real
    /// tenant and AWS are never cold.
    /// </summary>
    private static async Task WarmAsync(EmulatorChild emulator, AwsCredentialOptions aws, string member)
    {
        using (var environment = Connect(emulator.BaseUrl.ToString()))
        {
            await new AwsConnections(environment, null, Retry).ListAsync(CancellationToken.None);
            var configurations = new MonitoringConfigurations(environment, null, Retry);
            await configurations.ListAsync(CancellationToken.None);
            await configurations.ChoicesAsync(CancellationToken.None);
        }
        var access = await AwsAccountAccess.OpenAsync(member, aws, null, Retry, CancellationToken.None);
        try
        {
            await access.Iam(Retry).GetRoleAsync("warm-up", CancellationToken.None);
        }
        catch (AwsServiceException)
        {
        }
        await emulator.ClearRequestsAsync();
    }

    private static DynatraceEnvironment Connect(string url) =>
        DynatraceEnvironment.WithPlatformToken(url, Secure(DynatraceState.LocalToken), "abc12345");

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
