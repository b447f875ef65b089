using System;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Support;

/// <summary>A fresh emulator on a free 127.0.0.1 port for each test, stopped after it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected EmulatorHost Emulator { get; private set; } = null!;
    protected DynatraceEnvironment Environment { get; private set; } = null!;
    protected CollectingLog Log { get; } = new();

    /// <summary>Fast enough for tests, same shape as the default.</summary>
    protected RetryPolicy Retry { get; } = new(6, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), seed: 3);

    protected virtual EmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(Options);
        Environment = Connect(DynatraceState.LocalToken);
    }

    protected DynatraceEnvironment Connect(string token) =>
        DynatraceEnvironment.WithPlatformToken(Emulator.BaseUrl.ToString(), Secure(token), "abc12345");

    protected static System.Security.SecureString Secure(string text) => SecureText(text);

    public static System.Security.SecureString SecureText(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    public async Task DisposeAsync()
    {
        Environment.Dispose();
        await Emulator.DisposeAsync();
    }
}
