using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// Register-DtAwsAccount's engine against an emulator that injects faults: a Dynatrace client
/// that gives up quickly on a slow answer, a retry policy patient enough to outlast the faults
/// and quick about it, and its retries counted.
/// </summary>
public abstract class FaultedRegistrationTest : EmulatorTest
{
    protected static readonly TimeSpan DynatraceTimeout = TimeSpan.FromMilliseconds(500);

    private int _retries;

    protected FaultedRegistrationTest()
    {
        PatientRetry.Retrying += _ => Interlocked.Increment(ref _retries);
    }

    protected override EmulatorOptions Options => new() { PropagationDelay = TimeSpan.FromMilliseconds(200) };

    protected RetryPolicy PatientRetry { get; } = new(12, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), seed: 7);

    protected int Retries => Volatile.Read(ref _retries);

    protected static string[] Members(int count) => Enumerable.Range(1, count).Select(i => (200000000000L + i).ToString()).ToArray();

    protected static IReadOnlyList<AccountRequest> Rows(IEnumerable<string> accounts) =>
        accounts.Select((a, i) => new AccountRequest { AccountId = a, Name = $"aws-{a}", Region = new[] { "eu-west-1" }, Source = $"row {i + 2}" })
            .ToArray();

    protected async Task<RegistrationOptions> OptionsAsync(IEnumerable<string> members) => new()
    {
        ThrottleLimit = 16,
        Aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, members), Organization.AccessRole),
        RoleArn = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(100) },
    };

    protected async Task<List<AccountResult>> RunAsync(RegistrationOptions options, IReadOnlyList<AccountRequest> rows, RetryPolicy? retry = null)
    {
        using var environment = new DynatraceEnvironment(EnvironmentUrl.Parse(Emulator.BaseUrl.ToString(), "abc12345"),
            new PlatformTokenAuthorization(Secure(DynatraceState.LocalToken)), requestTimeout: DynatraceTimeout);
        var results = new ConcurrentQueue<AccountResult>();
        await new AccountRegistration(environment, options, Log, retry ?? PatientRetry).RunAsync(rows, Approve.All, results.Enqueue, CancellationToken.None);
        return results.ToList();
    }
}
