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
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Bench;

public sealed record Latency(TimeSpan Dynatrace, TimeSpan Aws);

/// <summary>One measured run: a fresh emulator, N new member accounts, one way of onboarding them.</summary>
public sealed class ScenarioResult
{
    public string Scenario { get; init; } = "";
    public int Accounts { get; init; }
    public int? ThrottleLimit { get; init; }
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
    public SortedDictionary<string, double> CallsPerAccountByEndpoint { get; init; } = new();
    public int DynatraceCalls { get; init; }
    public int AwsCalls { get; init; }
    /// <summary>Share of the Dynatrace bound used: calls * latency / (wall * MaxConcurrentRequests).</summary>
    public double DynatraceSlotUtilization { get; init; }
    public double PeakWorkingSetGrowthMB { get; init; }
    public double PeakManagedHeapGrowthMB { get; init; }
    public double AllocatedMB { get; init; }
}

public static partial class Scenarios
{
    private const string Management = "100000000000";
    private static readonly RetryPolicy Retry = RetryPolicy.Default;

    public static string[] Members(int count, int offset = 0) =>
        Enumerable.Range(offset + 1, count).Select(i => (300000000000L + i).ToString()).ToArray();

    /// <summary>Register-DtAwsAccount's engine, as the cmdlet drives it.</summary>
    public static Task<ScenarioResult> EngineAsync(int accounts, int measured, int throttleLimit, Latency latency, Action<string>? progress = null) =>
        RunAsync($"engine TL={throttleLimit}", accounts, measured, throttleLimit, latency, async (emulator, environment, aws, members, finished, ct) =>
        {
            var options = new RegistrationOptions
            {
                ThrottleLimit = throttleLimit,
                Aws = aws,
                Region = new[] { "us-east-1" },
            };
            var rows = members.Select((a, i) => new AccountRequest { AccountId = a, Name = $"aws-{a}", Source = $"row {i + 2}" }).ToArray();
            await new AccountRegistration(environment, options, null, Retry).RunAsync(rows, _ => Task.FromResult(Approval.Apply),
                r => finished(r.AccountId, r.Status == AccountStatus.Onboarded ? null : $"{r.Status} at {r.Step}: {r.Error}"), ct);
        }, progress);

    /// <summary>
    /// The seed's onboarding: one account after another, every call of it in order, nothing
    /// reused across accounts (a fresh Dynatrace session per account, so the extension version is read each time).
    /// </summary>
    public static Task<ScenarioResult> BaselineAsync(int accounts, int measured, Latency latency, Action<string>? progress = null) =>
        RunAsync("baseline (seed)", accounts, measured, null, latency, async (emulator, _, aws, members, finished, ct) =>
        {
            foreach (var account in members)
            {
                string? error = null;
                try
                {
                    await SeedOnboardAsync(emulator, aws, account, ct);
                }
                catch (Exception ex)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }
                finished(account, error);
            }
        }, progress);

    private static async Task SeedOnboardAsync(EmulatorHost emulator, AwsCredentialOptions aws, string account, CancellationToken ct)
    {
        using var environment = Connect(emulator);
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

    private delegate Task Body(EmulatorHost emulator, DynatraceEnvironment environment, AwsCredentialOptions aws, string[] members,
        Action<string, string?> finished, CancellationToken ct);

    private static async Task<ScenarioResult> RunAsync(string scenario, int accounts, int measured, int? throttleLimit, Latency latency, Body body,
        Action<string>? progress)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { PropagationDelay = TimeSpan.Zero });
        var members = Members(measured);
        OrganizationMembers.Add(emulator, Management, members);
        var keys = emulator.Aws.AddAccount(Management);
        var aws = new AwsCredentialOptions
        {
            AccessKey = keys.AccessKeyId,
            SecretKey = Secure(keys.SecretAccessKey),
            Region = "us-east-1",
            EndpointUrl = emulator.BaseUrl,
            AssumeRoleName = OrganizationMembers.AccessRole,
        };
        using var environment = Connect(emulator);
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "dynatrace", Delay = latency.Dynatrace });
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "iam", Delay = latency.Aws });
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "sts", Delay = latency.Aws });
        emulator.Log.Clear();

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

        var finishedAt = new ConcurrentQueue<double>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var count = 0;
        await body(emulator, environment, aws, members, (account, error) =>
        {
            finishedAt.Enqueue(clock.Elapsed.TotalSeconds);
            if (error != null) errors.Enqueue($"{account}: {error}");
            var n = Interlocked.Increment(ref count);
            if (progress != null && (n == 1 || n % Math.Max(1, measured / 5) == 0))
                progress($"  {scenario}, N={accounts}: {n}/{measured} done at {clock.Elapsed.TotalSeconds:0.00} s");
        }, CancellationToken.None);
        var wall = clock.Elapsed.TotalSeconds;
        sampling.Cancel();
        await sampler;
        peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));

        var log = emulator.Log.Entries;
        var byEndpoint = log.GroupBy(Endpoint).ToDictionary(g => g.Key, g => Math.Round(g.Count() / (double)measured, 3));
        var dynatraceCalls = log.Count(e => e.Service == "dynatrace");
        return new ScenarioResult
        {
            Scenario = scenario,
            Accounts = accounts,
            ThrottleLimit = throttleLimit,
            MeasuredAccounts = measured,
            MeasuredWallSeconds = Math.Round(wall, 3),
            WallSeconds = Math.Round(wall / measured * accounts, 3),
            FirstResultSeconds = Math.Round(finishedAt.DefaultIfEmpty(double.NaN).Min(), 3),
            Succeeded = measured - errors.Count,
            Failed = errors.Count,
            FirstError = errors.FirstOrDefault(),
            TotalCalls = log.Count,
            CallsPerAccount = Math.Round(log.Count / (double)measured, 3),
            CallsPerAccountByEndpoint = new SortedDictionary<string, double>(byEndpoint, StringComparer.Ordinal),
            DynatraceCalls = dynatraceCalls,
            AwsCalls = log.Count - dynatraceCalls,
            DynatraceSlotUtilization = Math.Round(dynatraceCalls * latency.Dynatrace.TotalSeconds / (wall * DynatraceEnvironment.MaxConcurrentRequests), 3),
            PeakWorkingSetGrowthMB = Math.Round((peakWorkingSet - startWorkingSet) / 1048576.0, 1),
            PeakManagedHeapGrowthMB = Math.Round((peakHeap - startHeap) / 1048576.0, 1),
            AllocatedMB = Math.Round((GC.GetTotalAllocatedBytes(false) - startAllocated) / 1048576.0, 1),
        };
    }

    /// <summary>"GET /settings/objects/{id}" or "iam:CreateRole": ids and query strings folded so calls group by endpoint.</summary>
    public static string Endpoint(LoggedRequest e)
    {
        if (e.Service != "dynatrace") return $"{e.Service}:{e.Operation}";
        var segments = e.Path.Split('/').Select(s => IdLike().IsMatch(s) ? "{id}" : s);
        return $"{e.Method} {string.Join("/", segments)}";
    }

    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9_\-=.]{16,}$")]
    private static partial Regex IdLike();

    private static DynatraceEnvironment Connect(EmulatorHost emulator) =>
        DynatraceEnvironment.WithPlatformToken(emulator.BaseUrl.ToString(), Secure(DynatraceState.LocalToken), emulator.Options.EnvironmentId);

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
