using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// The published module and an emulator process of the test class's own, for tests that drive the
/// module in a <see cref="HostedSession"/>. A derived class joins <see cref="PublishedModuleCollection"/>.
/// </summary>
public abstract class HostedModuleTest : IAsyncLifetime
{
    private readonly PublishedModule _module;
    private readonly string[] _emulatorArguments;

    /// <param name="emulatorArguments">More options of the emulator, such as --echo-requests.</param>
    protected HostedModuleTest(PublishedModule module, params string[] emulatorArguments)
    {
        _module = module;
        _emulatorArguments = emulatorArguments;
    }

    internal EmulatorProcess Emulator { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Emulator = await EmulatorProcess.StartAsync(_emulatorArguments);

    public virtual async Task DisposeAsync() => await Emulator.DisposeAsync();

    internal HostedSession NewSession(bool interactive) => new(_module.Folder, interactive);
}
