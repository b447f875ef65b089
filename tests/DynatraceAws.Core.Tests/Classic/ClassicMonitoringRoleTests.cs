using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Classic;

public class ClassicMonitoringRoleTests : ClassicEmulatorTest
{
    private const string Account = "210987654321";

    [Fact]
    public void A_classic_SaaS_connection_trusts_the_classic_SaaS_account_and_a_Managed_one_needs_its_account_given()
    {
        using var saas = ConnectClassicSaaS();
        using var managed = ConnectClassic();

        Assert.Equal("509560245411", TrustPolicy.AccountFor(saas));
        Assert.Equal(TrustPolicy.ProductionAccount, TrustPolicy.AccountFor(Environment));
        var error = Assert.Throws<InvalidInputException>(() => TrustPolicy.AccountFor(managed));
        Assert.Equal(("TrustedAccountRequired", "TrustedAccountId"), (error.ErrorId, error.Field));
        Assert.Contains("-TrustedAccountId", error.RecommendedAction);
    }

    [Fact]
    public async Task The_role_made_with_the_iamExternalId_turns_the_credentials_CONNECTED()
    {
        var keys = Emulator.Aws.AddAccount(Account);
        Emulator.Dynatrace.ClassicTrustedAccountId = ActiveGateAccount;
        using var classic = ConnectClassic();
        var credentials = Credentials(classic);
        var created = await credentials.CreateAsync(RoleSpec(account: Account), CancellationToken.None);
        var externalId = await credentials.GetIamExternalIdAsync(CancellationToken.None);
        var access = await AwsAccountAccess.OpenAsync(Account, AwsAccounts.Options(Emulator, keys), Log, Retry, CancellationToken.None);

        await new MonitoringRoles(access, Log, Retry).EnsureAsync(new MonitoringRoleSpec
        {
            AccountId = Account,
            ConnectionId = externalId.ExternalId,
            EnvironmentId = classic.EnvironmentId,
            TrustedAccountId = ActiveGateAccount,
        }, CancellationToken.None);

        Assert.Equal("UNINITIALIZED", created.ConnectionStatus);
        Assert.Equal("CONNECTED", (await credentials.GetAsync(created.Id, CancellationToken.None)).ConnectionStatus);
    }
}
