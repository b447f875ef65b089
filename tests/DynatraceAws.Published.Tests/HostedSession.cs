using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// The published module in a runspace of this process, under a <see cref="TestHost"/>: each
/// <see cref="Run"/> is one command line typed at it, the session's state kept from one to the next.
/// </summary>
internal sealed class HostedSession : IDisposable
{
    private readonly Runspace _runspace;

    public HostedSession(string moduleFolder, bool interactive)
    {
        Host = new TestHost(interactive);
        _runspace = RunspaceFactory.CreateRunspace(Host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        Run("Import-Module (Join-Path $Folder 'DynatraceAws.psd1') -ErrorAction Stop", ("Folder", moduleFolder)).ThrowOnError();
    }

    public TestHost Host { get; }

    /// <summary>Runs <paramref name="script"/> with these variables set; a terminating error ends up in <see cref="Step.Errors"/> too.</summary>
    public Step Run(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables) _runspace.SessionStateProxy.SetVariable(name, value);
        using var powershell = PowerShell.Create();
        powershell.Runspace = _runspace;
        powershell.AddScript(script);
        var output = new List<PSObject>();
        ErrorRecord? terminating = null;
        try
        {
            output.AddRange(powershell.Invoke());
        }
        catch (RuntimeException ex)
        {
            terminating = ex.ErrorRecord;
        }
        var streams = powershell.Streams;
        return new Step(script, output,
            streams.Error.Concat(terminating is null ? Array.Empty<ErrorRecord>() : new[] { terminating }).ToArray(),
            streams.Warning.ToArray(), streams.Verbose.ToArray(), streams.Debug.ToArray(), streams.Information.ToArray(), streams.Progress.ToArray());
    }

    /// <summary>
    /// Starts <paramref name="script"/>, and stops it as Ctrl+C does once <paramref name="stopWhen"/> holds (checked every 50 ms).
    /// A command that ends before that is a failure of the test, with the errors it wrote: a stop could not be tried.
    /// </summary>
    public void RunThenStop(string script, Func<bool> stopWhen)
    {
        using var powershell = PowerShell.Create();
        powershell.Runspace = _runspace;
        powershell.AddScript(script);
        var running = powershell.BeginInvoke();
        while (!running.IsCompleted && !stopWhen()) Thread.Sleep(50);
        if (running.IsCompleted)
            throw new InvalidOperationException($"{script} ended before it could be stopped: " +
                                                string.Join("; ", powershell.Streams.Error.Select(e => e.ToString())));
        powershell.Stop();
        try
        {
            powershell.EndInvoke(running);
        }
        catch (PipelineStoppedException)
        {
        }
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What one command line gave back, stream by stream.</summary>
internal sealed record Step(string Script, IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<WarningRecord> Warnings,
    IReadOnlyList<VerboseRecord> Verbose, IReadOnlyList<DebugRecord> Debug, IReadOnlyList<InformationRecord> Information,
    IReadOnlyList<ProgressRecord> Progress)
{
    public Step ThrowOnError() =>
        Errors.Count == 0 ? this : throw new InvalidOperationException($"{Script} failed: {string.Join("; ", Errors.Select(e => e.ToString()))}");
}
