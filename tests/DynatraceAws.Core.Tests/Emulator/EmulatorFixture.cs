using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>One emulator per test class, on a free port; tests in a class share it, so they use unique names and accounts.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private readonly EmulatorOptions _options;

    public EmulatorFixture() : this(new EmulatorOptions()) { }

    protected EmulatorFixture(EmulatorOptions options) => _options = options;

    public EmulatorHost Host { get; private set; } = null!;

    public DynatraceState Dynatrace => Host.Dynatrace;

    public DynatraceApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(_options);
        Api = new DynatraceApi(Host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>An environment where com.dynatrace.extension.da-aws has not been installed yet.</summary>
public sealed class EmulatorWithoutDaAwsFixture : EmulatorFixture
{
    public EmulatorWithoutDaAwsFixture() : base(new EmulatorOptions { InstallDaAwsExtension = false }) { }
}
