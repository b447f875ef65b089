using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Auth;

public class OAuthRegistrationTests : OAuthTest
{
    [Fact]
    public async Task Tokens_expiring_mid_run_of_fifty_accounts_leave_every_account_Onboarded_and_no_secret_in_the_log()
    {
        RegisterClient(Scopes.All);
        var members = Enumerable.Range(1, 50).Select(i => (200000000000L + i).ToString()).ToArray();
        var options = new RegistrationOptions
        {
            ThrottleLimit = 16,
            Aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, members), Organization.AccessRole),
            RoleArn = new RoleArnOptions { FirstRetryDelay = System.TimeSpan.FromMilliseconds(20), MaxRetryDelay = System.TimeSpan.FromMilliseconds(50) },
        };
        // Real tokens expire by time (300 s), so a renewed one outlives the request that renewed it. The emulator
        // expires them by use instead; with many more uses than requests in flight (at most 10) the same holds
        // even when a busy machine delays the resend, and a run of ~250 calls still sees several tokens expire.
        Emulator.Dynatrace.TokenUsesBeforeExpiry = 60;
        using var environment = ConnectOAuth();
        var rows = members.Select((a, i) => new AccountRequest { AccountId = a, Name = $"aws-{a}", Region = new[] { "us-east-1" }, Source = $"row {i + 2}" })
            .ToArray();

        var results = new ConcurrentQueue<AccountResult>();
        await new AccountRegistration(environment, options, Log, Retry).RunAsync(rows, Approve.All, results.Enqueue, CancellationToken.None);

        Assert.Equal(50, results.Count);
        Assert.All(results, r => Assert.True(r.Status == AccountStatus.Onboarded, r + " " + r.Error));
        Assert.Equal(50, Emulator.Dynatrace.Connections.Count);
        Assert.Equal(50, Emulator.Dynatrace.MonitoringConfigurations.Count);
        Assert.True(Emulator.Dynatrace.TokensIssued >= 3, $"only {Emulator.Dynatrace.TokensIssued} tokens: the run never saw one expire");
        Assert.Equal(Emulator.Dynatrace.TokensIssued, TokenRequests);
        Assert.DoesNotContain(Log.Messages, m => m.Contains(SecretMarker));
    }
}
