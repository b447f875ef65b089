using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Secrets;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

public class PlatformTokenTests : AccountIamTest
{
    [Fact]
    public async Task A_service_user_comes_with_its_group_and_is_created_once_by_name()
    {
        using var account = ConnectAccount();
        var users = new ServiceUsers(account, Log, Retry);
        var first = await users.EnsureAsync("aws-bot", "", CancellationToken.None);
        var again = await users.EnsureAsync("aws-bot", "", CancellationToken.None);

        Assert.NotNull(first.GroupUuid);
        Assert.Equal(first.Uid, again.Uid);
        Assert.Equal(first.GroupUuid, again.GroupUuid);
        Assert.Single(Emulator.Dynatrace.ServiceUsers);
        Assert.Equal(first.Uid, await users.UidOfAsync("aws-bot", CancellationToken.None));
        Assert.Equal("ServiceUserNotFound", (await Assert.ThrowsAsync<DynatraceAwsException>(() => users.UidOfAsync("nobody", CancellationToken.None))).ErrorId);
    }

    [Fact]
    public async Task The_minted_secret_is_a_SecureString_that_works_and_is_never_listed_or_logged()
    {
        using var account = ConnectAccount();
        var user = await new ServiceUsers(account, Log, Retry).EnsureAsync("aws-bot", "", CancellationToken.None);
        var tokens = new PlatformTokens(account, Log, Retry);

        var plan = await tokens.PlanCreateAsync("t1", OAuthScopes.EnvironmentDefaults, new[] { "abc12345" }, DateTimeOffset.UtcNow.AddDays(1), "aws-bot",
            CancellationToken.None);
        var minted = await plan.ApplyAsync(CancellationToken.None);
        var secret = SecureStrings.Reveal(minted.Token);

        Assert.StartsWith("Dynatrace: create platform token 't1' (for service user aws-bot in abc12345, scopes ", Assert.Single(plan.Changes).ToString());
        Assert.Equal(user.Uid, minted.UserUuid);
        Assert.StartsWith("dt0s16.", secret);
        Assert.Equal(new[] { "urn:dtenvironment:abc12345" }, Emulator.Dynatrace.PlatformTokens.Single().Resource);
        Assert.DoesNotContain(Log.Messages, m => m.Contains(secret));
        var listed = Assert.Single(await tokens.ListAsync(CancellationToken.None));
        Assert.Equal(minted.TokenId, listed.TokenId);
        Assert.Equal(OAuthScopes.EnvironmentDefaults, listed.Scope);
        Assert.Null(typeof(PlatformToken).GetProperty("Token"));

        var removal = await tokens.PlanDeleteAsync(minted.TokenId, CancellationToken.None);
        Assert.Equal($"Dynatrace: delete platform token 't1' ({minted.TokenId})", Assert.Single(removal.Changes).ToString());
        Assert.Equal(minted.TokenId, (await removal.ApplyAsync(CancellationToken.None))!.TokenId);
        Assert.Empty(Emulator.Dynatrace.PlatformTokens);
        Assert.False((await tokens.PlanDeleteAsync(minted.TokenId, CancellationToken.None)).HasChanges);
    }

    [Fact]
    public async Task A_token_that_would_be_expired_or_a_service_user_that_is_not_there_fails_before_any_write()
    {
        using var account = ConnectAccount();
        var tokens = new PlatformTokens(account, Log, Retry);

        var expired = await Assert.ThrowsAsync<InvalidInputException>(() =>
            tokens.PlanCreateAsync("t", OAuthScopes.EnvironmentDefaults, new string[0], DateTimeOffset.UtcNow.AddMinutes(-1), "aws-bot", CancellationToken.None));
        var nobody = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            tokens.PlanCreateAsync("t", OAuthScopes.EnvironmentDefaults, new string[0], DateTimeOffset.UtcNow.AddDays(1), "nobody", CancellationToken.None));

        Assert.Equal(("InvalidExpirationDate", "ExpirationDate"), (expired.ErrorId, expired.Field));
        Assert.Equal("ServiceUserNotFound", nobody.ErrorId);
        Assert.Empty(AccountWrites);
    }

    [Fact]
    public async Task Minting_needs_the_platform_token_scope_the_API_demands()
    {
        Emulator.Dynatrace.PlatformTokenScopes = DynatraceAws.Emulator.Dynatrace.PlatformTokenScopes.Spec;
        using var account = ConnectAccount(DynatraceAws.Emulator.Dynatrace.AccountScopes.IdentitiesWrite, DynatraceAws.Emulator.Dynatrace.AccountScopes.IdentitiesRead);
        var user = await new ServiceUsers(account, Log, Retry).EnsureAsync("aws-bot", "", CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() => new PlatformTokens(account, Log, Retry).CreateAsync("t", user.Uid, CancellationToken.None));
        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("platform-token:tokens:manage", ex.Message);
    }

    [Fact]
    public async Task Finding_tokens_reads_the_list_once_per_instance_and_forgets_the_ones_it_deletes()
    {
        using var account = ConnectAccount();
        var user = await new ServiceUsers(account, Log, Retry).EnsureAsync("aws-bot", "", CancellationToken.None);
        var minting = new PlatformTokens(account, Log, Retry);
        var first = await minting.CreateAsync("t1", user.Uid, CancellationToken.None);
        var second = await minting.CreateAsync("t2", user.Uid, CancellationToken.None);
        var tokens = new PlatformTokens(account, Log, Retry);
        Emulator.Log.Clear();

        Assert.Equal("t1", (await tokens.FindAsync(first.TokenId, CancellationToken.None))?.Name);
        Assert.Equal("t2", (await tokens.FindAsync(second.TokenId, CancellationToken.None))?.Name);
        Assert.Null(await tokens.FindAsync("dt0s16.NOTATOKEN", CancellationToken.None));
        await tokens.PlanDeleteAsync(first.TokenId, CancellationToken.None).ApplyAsync(CancellationToken.None);
        Assert.Null(await tokens.FindAsync(first.TokenId, CancellationToken.None));

        Assert.Single(Emulator.Log.Entries, e => e.Method == "GET" && e.Path.EndsWith("/platform-tokens"));
    }
}
