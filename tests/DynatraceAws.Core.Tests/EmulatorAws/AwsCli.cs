using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>
/// Runs the real AWS CLI against the emulator, with the given keys and nothing else of the machine's
/// AWS setup: no profile, no config file, no instance metadata, no retries.
/// </summary>
public sealed class AwsCli : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Uri _endpoint;
    private readonly string _emptyFile = Path.GetTempFileName();

    public AwsCli(Uri endpoint) => _endpoint = endpoint;

    public async Task<CliResult> RunAsync(AwsCredentials credentials, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--endpoint-url", _endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json" }
                     .Concat(arguments))
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);
        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        if (credentials.SessionToken is not null) start.Environment["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        start.Environment["AWS_CONFIG_FILE"] = _emptyFile;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _emptyFile;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";

        using var process = Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aws {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("The AWS CLI did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "The AWS CLI ('aws') is not on PATH. These tests drive the emulator with AWS CLI 1.45, which every build machine has; " +
                "install it (pip install 'awscli>=1.45,<2') and run the tests again.", ex);
        }
    }

    public void Dispose() => File.Delete(_emptyFile);
}

/// <summary>What one CLI invocation did: exit code, and stdout (JSON on success) and stderr (the error line on failure).</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
