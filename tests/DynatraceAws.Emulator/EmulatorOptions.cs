using System;
using DynatraceAws.Emulator.Capacity;

namespace DynatraceAws.Emulator;

public sealed class EmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>The environment id the emulated Dynatrace environment reports as its own.</summary>
    public string EnvironmentId { get; init; } = "abc12345";

    /// <summary>Whether com.dynatrace.extension.da-aws is installed at start.</summary>
    public bool InstallDaAwsExtension { get; init; } = true;

    /// <summary>Whether every error answer echoes the request, headers and body, as a hostile endpoint might (<see cref="EchoingErrors"/>).</summary>
    public bool EchoRequests { get; init; }

    /// <summary>How long a new IAM role stays unassumable by Dynatrace (IAM propagation).</summary>
    public TimeSpan PropagationDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The environment's request threads and queue; null serves every request at once, as functional tests want.</summary>
    public DynatraceCapacity? DynatraceCapacity { get; init; }

    /// <summary>Calls that change something each AWS account may make per second before IAM answers Throttling; null: no limit.</summary>
    public double? IamWritesPerSecond { get; init; }
}
