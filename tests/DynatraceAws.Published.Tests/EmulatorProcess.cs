using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using DynatraceAws.Tests;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// The emulator as a process of its own on a free 127.0.0.1 port, with the organization of the
/// README's quick start (--members 3: 200000000001..3 in the OU Workloads), stopped on dispose.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ListeningOn = "DynatraceAws emulator listening on ";
    private const string TokenLine = "Dynatrace token (all scopes): ";

    /// <summary>Printed last, once the members and the organization exist: "listening" comes before them.</summary>
    private const string ReadyLine = "Press Ctrl+C to stop.";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUrl, string token)
    {
        _process = process;
        BaseUrl = baseUrl;
        Token = token;
    }

    public Uri BaseUrl { get; }

    public string Token { get; }

    /// <summary>The emulator as built beside this project, in the same configuration (the project reference builds it).</summary>
    public static string Dll
    {
        get
        {
            var configuration = typeof(EmulatorProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var emulator = Path.Combine(RepoRoot.Path, "tests", "DynatraceAws.Emulator", "bin", configuration, "net10.0", "DynatraceAws.Emulator.dll");
            if (!File.Exists(emulator)) throw new FileNotFoundException("Build the solution first: the emulator is not at " + emulator, emulator);
            return emulator;
        }
    }

    /// <param name="arguments">More options of the emulator, such as --echo-requests.</param>
    public static async Task<EmulatorProcess> StartAsync(params string[] arguments)
    {
        var emulator = Dll;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { emulator, "--port", "0", "--members", "3" }.Concat(arguments)) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        try
        {
            Uri? baseUrl = null;
            string? token = null;
            var ready = false;
            var reading = Task.Run(async () =>
            {
                while (!ready && await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith(ListeningOn, StringComparison.Ordinal)) baseUrl = new Uri(line[ListeningOn.Length..] + "/");
                    if (line.StartsWith(TokenLine, StringComparison.Ordinal)) token = line[TokenLine.Length..];
                    ready = line == ReadyLine;
                }
            });
            if (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromMinutes(1))) != reading || !ready || baseUrl is null || token is null)
                throw new InvalidOperationException("The emulator did not say where it listens, and that it is ready, within a minute.");
            return new EmulatorProcess(process, baseUrl, token);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
