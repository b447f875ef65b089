using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

/// <summary>
/// The five-cmdlet chain (connection, role, role ARN, configuration) for three accounts, each step
/// as its cmdlet calls it, against both sides of the emulator; then a rerun that writes nothing.
/// </summary>
public class OnboardingChainTests : EmulatorTest
{
    private static readonly string[] Accounts = { "111111111111", "222222222222", "012345678901" };

    protected override EmulatorOptions Options => new() { PropagationDelay = TimeSpan.FromMilliseconds(300) };

    private async Task RunChainAsync()
    {
        foreach (var account in Accounts)
        {
            var connection = (await new AwsConnections(Environment, Log, Retry).EnsureAsync($"aws-{account}", account, CancellationToken.None)).Item;
            var access = await AwsAccountAccess.OpenAsync(account, AwsAccounts.Options(Emulator, Emulator.Aws.AddAccount(account)), Log, Retry, CancellationToken.None);
            var spec = new MonitoringRoleSpec { AccountId = account, ConnectionId = connection.ConnectionId, EnvironmentId = Environment.EnvironmentId };
            var role = await new MonitoringRoles(access, Log, Retry).EnsureAsync(spec, CancellationToken.None);
            var withRole = await new AwsConnections(Environment, Log, Retry).SetRoleArnAsync(connection.ConnectionId, role.RoleArn,
                new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(100) }, CancellationToken.None);
            await new MonitoringConfigurations(Environment, Log, Retry).EnsureAsync(new MonitoringConfigurationSpec
            {
                AccountId = account, ConnectionId = withRole.Item.ConnectionId, ConnectionName = withRole.Item.ConnectionName, Regions = new[] { "eu-west-1", "us-east-1" },
            }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Three_accounts_end_complete_on_both_sides_and_a_rerun_writes_nothing()
    {
        await RunChainAsync();

        var connections = Emulator.Dynatrace.Connections;
        Assert.Equal(3, connections.Count);
        foreach (var account in Accounts)
        {
            var connection = connections.Single(c => c.Name == $"aws-{account}");
            Assert.Equal($"arn:aws:iam::{account}:role/DynatraceMonitoringRole", connection.RoleArn);
            var role = Assert.Single(Emulator.Aws.Roles(account));
            Assert.Equal(connection.ObjectId, TrustPolicy.ExternalIdRequiredOf(role.TrustPolicy, TrustPolicy.ProductionAccount));
            Assert.Equal(2, Emulator.Aws.Policies(account).Count);
            Assert.Equal(2, role.AttachedPolicyArns.Count);
            var configuration = Emulator.Dynatrace.MonitoringConfigurations.Single(c => c.AccountId == account);
            Assert.Equal(connection.ObjectId, configuration.ConnectionId);
        }
        Assert.Equal(3, Emulator.Dynatrace.MonitoringConfigurations.Count);
        Assert.Contains(Log.ProgressReports, p => p.Activity == "Waiting for IAM propagation");

        Emulator.Log.Clear();
        await RunChainAsync();
        Assert.Empty(Emulator.Log.Writes);
        Assert.Equal(3, Emulator.Dynatrace.Connections.Count);
        Assert.Equal(3, Emulator.Dynatrace.MonitoringConfigurations.Count);
    }
}
