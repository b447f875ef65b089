using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Secrets;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;
using EmulatorScopes = DynatraceAws.Emulator.Dynatrace.AccountScopes;

namespace DynatraceAws.Core.Tests.AccountIam;

public class AwsOnboardingSetupTests : AccountIamTest
{
    /// <summary>
    /// An OAuth client set up as each source says the platform tokens API wants it, against an API that
    /// wants just that, connected with the default scopes: the token is minted and listed whichever source is right.
    /// </summary>
    [Theory]
    [InlineData(PlatformTokenScopes.Docs, new[] { EmulatorScopes.IdentitiesRead, EmulatorScopes.IdentitiesWrite })]
    [InlineData(PlatformTokenScopes.Spec, new[] { EmulatorScopes.IdentitiesRead, EmulatorScopes.IdentitiesWrite, EmulatorScopes.PlatformTokensManage })]
    [InlineData(PlatformTokenScopes.Dtctl, new[] { EmulatorScopes.IdentitiesRead, EmulatorScopes.IdentitiesWrite,
        EmulatorScopes.PlatformTokensManage, EmulatorScopes.PlatformTokensWrite })]
    public async Task The_default_scopes_mint_a_token_whichever_scope_the_platform_tokens_API_demands(PlatformTokenScopes reading, string[] clientScopes)
    {
        Emulator.Dynatrace.PlatformTokenScopes = reading;
        RegisterClient(clientScopes.Append(EmulatorScopes.PoliciesManagement).ToArray());
        using var account = DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, Secure(ClientSecret), Emulator.BaseUrl, TokenEndpoint);

        var setup = await new AwsOnboardingSetup(account, Log, Retry).EnsureAsync("aws-onboarding", null, "abc12345",
            DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);

        Assert.NotNull(setup.Token);
        Assert.Equal(setup.TokenId, Assert.Single(Emulator.Dynatrace.PlatformTokens).TokenId);
    }

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
    public async Task The_setup_is_one_plan_read_without_a_write_and_applied_in_the_order_its_changes_need()
    {
        using var account = ConnectAccount();
        var setup = new AwsOnboardingSetup(account, Log, Retry);

        var plan = await setup.PlanAsync("aws-onboarding", null, "abc12345", DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
        Assert.Empty(AccountWrites);
        await plan.ApplyAsync(CancellationToken.None);

        Assert.Equal(new[] { "create IAM policy 'aws-onboarding'", "create service user 'aws-onboarding'",
            "create binding of policy 'aws-onboarding' to group of service user 'aws-onboarding'", "create platform token 'aws-onboarding'" },
            plan.Changes.Select(c => $"{c.Action.ToLowerInvariant()} {c.Target}"));
        var writes = Emulator.Log.Entries.Where(e => e.Method == "POST" && e.Path.StartsWith("/iam")).Select(e => e.Path).ToList();
        int At(string part) => writes.FindIndex(p => p.Contains(part));
        Assert.True(At("/bindings/") > At("/policies") && At("/bindings/") > At("/service-users"), string.Join(", ", writes));
        Assert.True(At("/platform-tokens") > At("/service-users"), string.Join(", ", writes));
    }

    [Fact]
    public async Task An_existing_policy_of_that_name_with_another_statement_stops_the_setup_before_anything_else()
    {
        using var account = ConnectAccount();
        await new IamPolicies(account, Log, Retry).EnsureAsync(AccountLevel(account), "aws-onboarding", "", "ALLOW settings:objects:read;", CancellationToken.None);
        Emulator.Log.Clear();

        var ex = await Assert.ThrowsAsync<DynatraceAws.Core.Errors.DynatraceAwsException>(() =>
            new AwsOnboardingSetup(account, Log, Retry).PlanAsync("aws-onboarding", null, null, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None));

        Assert.Equal("PolicyStatementDiffers", ex.ErrorId);
        Assert.Empty(AccountWrites);
        Assert.Empty(Emulator.Dynatrace.ServiceUsers);
        Assert.Empty(Emulator.Dynatrace.PlatformTokens);
    }
}
