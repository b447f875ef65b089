using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

public class AwsOnboardingSetupTests : AccountIamTest
{
    [Fact]
    public async Task One_run_sets_up_seed_000_and_hands_back_a_working_environment_connection_then_a_rerun_writes_nothing()
    {
        using var account = ConnectAccount();
        var setup = new AwsOnboardingSetup(account, Log, Retry);
        var expires = DateTimeOffset.UtcNow.AddDays(30);

        var first = await setup.EnsureAsync("aws-onboarding", Emulator.BaseUrl.ToString(), "abc12345", expires, CancellationToken.None);

        Assert.True(first.Changed);
        Assert.NotNull(first.Token);
        var policy = Emulator.Dynatrace.IamPolicies.Single(p => p.Name == "aws-onboarding");
        Assert.True(PolicyStatement.AreSame(PolicyStatement.AwsOnboarding, policy.StatementQuery));
        var user = Emulator.Dynatrace.ServiceUsers.Single();
        var binding = Emulator.Dynatrace.IamBindings.Single();
        Assert.Equal((policy.Uuid, user.GroupUuid, "environment", "abc12345"), (binding.PolicyUuid, binding.GroupUuid, binding.LevelType, binding.LevelId));
        var token = Emulator.Dynatrace.PlatformTokens.Single();
        Assert.Equal(OAuthScopes.EnvironmentDefaults.OrderBy(s => s), token.Scope.OrderBy(s => s));
        Assert.Equal(user.Uid, token.UserUuid);
        using (var connection = first.Connection!)
        {
            Assert.Equal("abc12345", connection.EnvironmentId);
            Assert.NotNull(await new ExtensionVersions(connection, Log, Retry).GetAsync(ExtensionVersions.DaAws, CancellationToken.None));
        }
        var secret = SecureStrings.Reveal(first.Token!);
        Assert.DoesNotContain(Log.Messages, m => m.Contains(secret));

        var writes = Emulator.Log.Entries.Count(e => e.Method != "GET" && !e.Path.StartsWith("/sso"));
        var again = await setup.EnsureAsync("aws-onboarding", Emulator.BaseUrl.ToString(), "abc12345", expires, CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Null(again.Token);
        Assert.Null(again.Connection);
        Assert.Equal(first.TokenId, again.TokenId);
        Assert.Equal(writes, Emulator.Log.Entries.Count(e => e.Method != "GET" && !e.Path.StartsWith("/sso")));
        Assert.Single(Emulator.Dynatrace.PlatformTokens);
    }

    [Fact]
    public async Task An_existing_policy_of_that_name_with_another_statement_stops_the_setup_before_anything_else()
    {
        using var account = ConnectAccount();
        await new IamPolicies(account, Log, Retry).CreateAsync(AccountLevel(account), "aws-onboarding", "", "ALLOW settings:objects:read;", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<DynatraceAws.Core.Errors.DynatraceAwsException>(() =>
            new AwsOnboardingSetup(account, Log, Retry).EnsureAsync("aws-onboarding", null, null, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None));

        Assert.Equal("PolicyStatementDiffers", ex.ErrorId);
        Assert.Empty(Emulator.Dynatrace.ServiceUsers);
        Assert.Empty(Emulator.Dynatrace.PlatformTokens);
    }
}
