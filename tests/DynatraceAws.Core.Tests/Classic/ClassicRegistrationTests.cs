using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Classic;

public class ClassicRegistrationTests : ClassicEmulatorTest
{
    private static readonly string[] Members = { "200000000001", "200000000002", "200000000003" };

    private async Task<AccountResult[]> RegisterAsync(RegistrationOptions options, bool managed = false)
    {
        var results = new ConcurrentQueue<AccountResult>();
        using var classic = managed ? ConnectClassic() : ConnectClassicSaaS();
        await new AccountRegistration(classic, options, Log, Retry)
            .RunAsync(Members.Select(a => new AccountRequest { AccountId = a }).ToArray(), Approve.All, results.Enqueue, default);
        return results.OrderBy(r => r.AccountId).ToArray();
    }

    [Fact]
    public async Task Onboards_accounts_with_a_role_and_connected_credentials_then_a_rerun_changes_nothing()
    {
        var options = new RegistrationOptions { Aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, Members), Organization.AccessRole) };

        var first = await RegisterAsync(options);
        Emulator.Log.Clear();
        var second = await RegisterAsync(options);
        Assert.DoesNotContain(Emulator.Log.Writes, w => w.Operation != "AssumeRole");

        Assert.All(first, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.All(second, r => Assert.Equal(AccountStatus.Unchanged, r.Status));
        var credentials = await Credentials().ListAsync(default);
        Assert.Equal(Members.Select(a => "aws-" + a), credentials.Select(c => c.Label).OrderBy(l => l));
        Assert.All(credentials, c => Assert.Equal("CONNECTED", c.ConnectionStatus));
        foreach (var account in Members)
        {
            var role = Assert.Single(Emulator.Aws.Roles(account), r => r.Name == "DynatraceMonitoringRole");
            Assert.Equal(Emulator.Dynatrace.IamExternalId, TrustPolicy.ExternalIdRequiredOf(role.TrustPolicy, TrustPolicy.ClassicSaaSAccount));
        }
        Assert.Empty(Emulator.Dynatrace.Connections);
    }

    /// <summary>A Managed cluster's roles trust the account its ActiveGate runs in, not Dynatrace SaaS's: without it given, nothing is created.</summary>
    [Fact]
    public async Task A_Managed_environment_onboards_only_with_the_trusted_account_given_and_then_trusts_it()
    {
        var aws = AwsAccounts.Options(Emulator, Organization.SetUp(Emulator, Members), Organization.AccessRole);
        Emulator.Dynatrace.ClassicTrustedAccountId = ActiveGateAccount;

        var refused = await RegisterAsync(new RegistrationOptions { Aws = aws }, managed: true);
        var writesBefore = Emulator.Log.Writes.Count(w => w.Operation != "AssumeRole");
        var onboarded = await RegisterAsync(new RegistrationOptions { Aws = aws, TrustedAccountId = ActiveGateAccount }, managed: true);

        Assert.All(refused, r => Assert.Equal(("TrustedAccountRequired", AccountStatus.Failed), (r.ErrorId, r.Status)));
        Assert.Equal(0, writesBefore);
        Assert.All(onboarded, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.All(await Credentials().ListAsync(default), c => Assert.Equal("CONNECTED", c.ConnectionStatus));
        foreach (var account in Members)
        {
            var role = Assert.Single(Emulator.Aws.Roles(account), r => r.Name == "DynatraceMonitoringRole");
            Assert.Equal(Emulator.Dynatrace.IamExternalId, TrustPolicy.ExternalIdRequiredOf(role.TrustPolicy, ActiveGateAccount));
        }
    }
}
