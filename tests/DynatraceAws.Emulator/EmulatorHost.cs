using System;
using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Capacity;
using DynatraceAws.Emulator.Dynatrace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DynatraceAws.Emulator;

/// <summary>
/// A local Dynatrace environment plus AWS IAM and STS, on 127.0.0.1. Tests start one per test class
/// (port 0 = a free port) and dispose it; <c>dotnet run</c> serves the same app on a chosen port.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, EmulatorOptions options, DynatraceState dynatrace, AwsState aws, RequestLog log, Faults faults,
        RequestCapacity capacity)
    {
        _app = app;
        Options = options;
        Dynatrace = dynatrace;
        Aws = aws;
        Log = log;
        Faults = faults;
        Capacity = capacity;
    }

    public EmulatorOptions Options { get; }
    public DynatraceState Dynatrace { get; }
    public AwsState Aws { get; }
    public RequestLog Log { get; }
    public Faults Faults { get; }

    /// <summary>The environment's request threads and queue (<see cref="EmulatorOptions.DynatraceCapacity"/>).</summary>
    public RequestCapacity Capacity { get; }
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, string[]? args = null)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? Array.Empty<string>(),
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");

        var log = new RequestLog();
        var faults = new Faults();
        var capacity = new RequestCapacity(options.DynatraceCapacity);
        var aws = new AwsState(options);
        var dynatrace = new DynatraceState(options, aws);

        var app = builder.Build();
        if (options.EchoRequests) app.UseMiddleware<EchoingErrors>();
        app.UseMiddleware<TrafficMiddleware>(log, faults, capacity);
        DynatraceEndpoints.Map(app, dynatrace);
        AwsEndpoints.Map(app, aws);
        AdminEndpoints.Map(app, log);

        var host = new EmulatorHost(app, options, dynatrace, aws, log, faults, capacity);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return host;
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
