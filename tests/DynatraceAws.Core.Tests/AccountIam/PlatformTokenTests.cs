using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
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

        var minted = await tokens.CreateAsync("t1", OAuthScopes.EnvironmentDefaults, new[] { "abc12345" }, DateTimeOffset.UtcNow.AddDays(1), user.Uid, CancellationToken.None);
        var secret = SecureStrings.Reveal(minted.Token);

        Assert.StartsWith("dt0s16.", secret);
        Assert.Equal(new[] { "urn:dtenvironment:abc12345" }, Emulator.Dynatrace.PlatformTokens.Single().Resource);
        Assert.DoesNotContain(Log.Messages, m => m.Contains(secret));
        var listed = Assert.Single(await tokens.ListAsync(CancellationToken.None));
        Assert.Equal(minted.TokenId, listed.TokenId);
        Assert.Equal(OAuthScopes.EnvironmentDefaults, listed.Scope);
        Assert.Null(typeof(PlatformToken).GetProperty("Token"));

        Assert.True(await tokens.DeleteAsync(minted.TokenId, CancellationToken.None));
        Assert.False(await tokens.DeleteAsync(minted.TokenId, CancellationToken.None));
    }

    [Fact]
    public async Task Minting_needs_the_platform_token_scope_the_API_demands()
    {
        Emulator.Dynatrace.PlatformTokenScopes = DynatraceAws.Emulator.Dynatrace.PlatformTokenScopes.Spec;
        using var account = ConnectAccount(DynatraceAws.Emulator.Dynatrace.AccountScopes.IdentitiesWrite, DynatraceAws.Emulator.Dynatrace.AccountScopes.IdentitiesRead);
        var user = await new ServiceUsers(account, Log, Retry).EnsureAsync("aws-bot", "", CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() => new PlatformTokens(account, Log, Retry)
            .CreateAsync("t", OAuthScopes.EnvironmentDefaults, new string[0], DateTimeOffset.UtcNow.AddDays(1), user.Uid, CancellationToken.None));
        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("platform-token:tokens:manage", ex.Message);
    }

    [Fact]
    public async Task Finding_tokens_reads_the_list_once_per_instance_and_forgets_the_ones_it_deletes()
    {
        using var account = ConnectAccount();
        var user = await new ServiceUsers(account, Log, Retry).EnsureAsync("aws-bot", "", CancellationToken.None);
        var minting = new PlatformTokens(account, Log, Retry);
        var first = await minting.CreateAsync("t1", OAuthScopes.EnvironmentDefaults, new string[0], DateTimeOffset.UtcNow.AddDays(1), user.Uid, CancellationToken.None);
        var second = await minting.CreateAsync("t2", OAuthScopes.EnvironmentDefaults, new string[0], DateTimeOffset.UtcNow.AddDays(1), user.Uid, CancellationToken.None);
        var tokens = new PlatformTokens(account, Log, Retry);
        Emulator.Log.Clear();

        Assert.Equal("t1", (await tokens.FindAsync(first.TokenId, CancellationToken.None))?.Name);
        Assert.Equal("t2", (await tokens.FindAsync(second.TokenId, CancellationToken.None))?.Name);
        Assert.Null(await tokens.FindAsync("dt0s16.NOTATOKEN", CancellationToken.None));
        Assert.True(await tokens.DeleteAsync(first.TokenId, CancellationToken.None));
        Assert.Null(await tokens.FindAsync(first.TokenId, CancellationToken.None));

        Assert.Single(Emulator.Log.Entries, e => e.Method == "GET" && e.Path.EndsWith("/platform-tokens"));
    }
}
