using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
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

    /// <summary>A session connected to the emulator's environment, with its AWS keys in $Aws.</summary>
    internal HostedSession ConnectedSession(bool interactive)
    {
        var session = NewSession(interactive);
        session.Run("""
            Connect-DtEnvironment -EnvironmentUrl $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -EnvironmentId abc12345 | Out-Null
            $Aws = @{ EndpointUrl = $Url; AccessKey = 'AKIDEMU123456789012'; SecretKey = (ConvertTo-SecureString 'emu-secret-123456789012' -AsPlainText -Force) }
            """, ("Url", Emulator.BaseUrl.ToString()), ("Token", Emulator.Token)).ThrowOnError();
        return session;
    }

    /// <summary>The writes in the emulator's request log, of one service ("iam", "dynatrace") or of all.</summary>
    internal int EmulatorWrites(string? service = null)
    {
        using var http = new HttpClient();
        using var requests = JsonDocument.Parse(http.GetStringAsync(new Uri(Emulator.BaseUrl, "_emulator/requests")).GetAwaiter().GetResult());
        return requests.RootElement.EnumerateArray()
            .Count(r => r.GetProperty("isWrite").GetBoolean() && (service is null || r.GetProperty("service").GetString() == service));
    }
}
