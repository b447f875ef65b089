using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Http;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>
/// One emulator per test class on a free port. Tests in a class share it, so each test works in an
/// account of its own (<see cref="NewAccount"/>).
/// </summary>
public class AwsEmulatorFixture : IAsyncLifetime
{
    private static long _lastAccount = 200_000_000_000;

    private readonly EmulatorOptions _options;

    public AwsEmulatorFixture() : this(new EmulatorOptions()) { }

    protected AwsEmulatorFixture(EmulatorOptions options) => _options = options;

    public EmulatorHost Host { get; private set; } = null!;

    public AwsState Aws => Host.Aws;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public AwsQuery Query => new(Http, Host.BaseUrl);

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(_options);

    public AwsAccountKeys NewAccount() =>
        Aws.AddAccount(Interlocked.Increment(ref _lastAccount).ToString(CultureInfo.InvariantCulture));

    /// <summary>Core's IAM client against the emulator, without retries: every answer reaches the test.</summary>
    public IamClient Iam(AwsAccountKeys keys) => Iam(Credentials(keys));

    public IamClient Iam(AwsCredentials credentials) =>
        new(Http, Host.BaseUrl, "us-east-1", new StaticAwsCredentialSource(credentials), new RetryPolicy(maxAttempts: 1));

    public static AwsCredentials Credentials(AwsAccountKeys keys) => new(keys.AccessKeyId, keys.SecretAccessKey);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
