using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Capacity;

namespace DynatraceAws.Bench;

/// <summary>What the emulator of one scenario is set up with.</summary>
public sealed record EmulatorSetup(int Members, Latency Latency, DynatraceCapacity? Capacity);

/// <summary>One request as the emulator's log reports it (GET /_emulator/requests).</summary>
public sealed record EmulatorRequest(string Service, string Method, string Path, string Operation, int Status);

/// <summary>
/// The emulator of one scenario, in a process of its own (this program, run with "serve"), so that
/// the memory the benchmark measures is the module's, not the emulated clouds' state of thousands
/// of accounts. Each scenario gets a fresh one.
/// </summary>
public sealed class EmulatorChild : IAsyncDisposable
{
    public const string Management = "100000000000";
    private const string Ready = "READY ";

    private readonly Process _process;
    private readonly HttpClient _http;

    private EmulatorChild(Process process, Uri baseUrl, string accessKey, string secretKey)
    {
        _process = process;
        BaseUrl = baseUrl;
        AccessKey = accessKey;
        SecretKey = secretKey;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseUrl { get; }

    /// <summary>CPU time the emulator process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The management account's keys, which reach the members through OrganizationAccountAccessRole.</summary>
    public string AccessKey { get; }
    public string SecretKey { get; }

    public static string[] Members(int count) =>
        Enumerable.Range(1, count).Select(i => (300000000000L + i).ToString(CultureInfo.InvariantCulture)).ToArray();

    public static async Task<EmulatorChild> StartAsync(EmulatorSetup setup)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        // The emulator stands for services on other machines: its idle thread pool workers wait
        // instead of spinning, so the cores it shares with the module go to the module.
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        foreach (var argument in new[]
                 {
                     typeof(EmulatorChild).Assembly.Location, "serve", "--members", setup.Members.ToString(CultureInfo.InvariantCulture),
                     "--dt-latency", setup.Latency.Dynatrace.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
                     "--aws-latency", setup.Latency.Aws.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
                     "--dt-threads", (setup.Capacity?.Threads ?? 0).ToString(CultureInfo.InvariantCulture),
                     "--dt-queue", (setup.Capacity?.Queue ?? 0).ToString(CultureInfo.InvariantCulture),
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (line is null || !line.StartsWith(Ready, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The emulator did not start: '{line}'.");
        }
        var fields = line[Ready.Length..].Split(' ');
        return new EmulatorChild(process, new Uri(fields[0]), fields[1], fields[2]);
    }

    public async Task<IReadOnlyList<EmulatorRequest>> RequestsAsync() =>
        await _http.GetFromJsonAsync<List<EmulatorRequest>>("_emulator/requests") ?? [];

    public async Task ClearRequestsAsync() => (await _http.DeleteAsync("_emulator/requests")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.StandardInput.Close(); // "serve" ends when its input does
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The child's side: an emulator with the members, the latency and the capacity asked for, until stdin closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        string Value(string name) => args[Array.IndexOf(args, name) + 1];
        int Number(string name) => int.Parse(Value(name), CultureInfo.InvariantCulture);
        var threads = Number("--dt-threads");
        var capacity = threads > 0 ? new DynatraceCapacity(threads, Number("--dt-queue")) : null;

        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { PropagationDelay = TimeSpan.Zero, DynatraceCapacity = capacity });
        OrganizationMembers.Add(emulator, Management, Members(Number("--members")));
        var keys = emulator.Aws.AddAccount(Management);
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "dynatrace", Delay = TimeSpan.FromMilliseconds(Number("--dt-latency")) });
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "iam", Delay = TimeSpan.FromMilliseconds(Number("--aws-latency")) });
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "sts", Delay = TimeSpan.FromMilliseconds(Number("--aws-latency")) });
        emulator.Log.Clear();
        Console.WriteLine($"{Ready}{emulator.BaseUrl} {keys.AccessKeyId} {keys.SecretAccessKey}");
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
