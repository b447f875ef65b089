using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using DynatraceAws.Core.Tests.Support;
using Xunit;
using DynatraceApi = DynatraceAws.Core.Tests.Emulator.DynatraceApi;

namespace DynatraceAws.Core.Tests.AccountIam;

/// <summary>
/// Every list the module reads, with more items than a page (or, where the API does not page, than
/// the page sizes of its neighbours), read whole. The monitoring configurations' 521 are in
/// MonitoringConfigurationLifecycleTests.
/// </summary>
public class LongListTests : AccountIamTest
{
    /// <summary>Ten a page and at most ten a user: the twelfth token is on page two, and a revoke of it must find it.</summary>
    [Theory]
    [InlineData("page", "size")]
    [InlineData("pageNumber", "pageSize")]
    public async Task All_12_platform_tokens_are_listed_and_the_12th_is_found_and_revoked_whichever_page_parameter_the_API_takes(
        string pageParameter, string sizeParameter)
    {
        using var account = ConnectAccount();
        var users = new ServiceUsers(account, Log, Retry);
        var minting = new PlatformTokens(account, Log, Retry);
        NewPlatformToken? last = null;
        foreach (var (user, index) in new[] { "bot-a", "bot-b" }.SelectMany(name => Enumerable.Repeat(name, 6)).Select((u, i) => (u, i)))
        {
            var uid = (await users.EnsureAsync(user, "", CancellationToken.None)).Uid;
            last = await minting.CreateAsync($"t{index}", uid, CancellationToken.None);
        }
        Emulator.Dynatrace.PageParameters.PlatformTokenPage = pageParameter;
        Emulator.Dynatrace.PageParameters.PlatformTokenPageSize = sizeParameter;
        var tokens = new PlatformTokens(account, Log, Retry);

        Assert.Equal(12, (await tokens.ListAsync(CancellationToken.None)).Select(t => t.TokenId).Distinct().Count());
        Assert.NotNull(await tokens.FindAsync(last!.TokenId, CancellationToken.None));
        Assert.NotNull(await tokens.PlanDeleteAsync(last.TokenId, CancellationToken.None).ApplyAsync(CancellationToken.None));
        Assert.Equal(11, Emulator.Dynatrace.PlatformTokens.Count);
    }

    [Fact]
    public async Task All_45_service_users_are_listed_across_pages_and_the_last_is_found_by_name()
    {
        using var account = ConnectAccount();
        var users = new ServiceUsers(account, Log, Retry);
        foreach (var n in Enumerable.Range(0, 45)) await users.EnsureAsync($"bot-{n}", "", CancellationToken.None);
        Emulator.Log.Clear();

        var all = await users.ListAsync(CancellationToken.None);

        Assert.Equal(45, all.Select(u => u.Uid).Distinct().Count());
        Assert.Equal(3, Emulator.Log.Entries.Count(e => e.Path.EndsWith("/service-users")));
        Assert.Equal(Emulator.Dynatrace.ServiceUsers.Last().Uid, await users.UidOfAsync("bot-44", CancellationToken.None));
    }

    [Fact]
    public async Task All_501_AWS_connections_are_listed_across_two_pages_of_500()
    {
        using var api = new DynatraceApi(Emulator.BaseUrl);
        foreach (var batch in Enumerable.Range(0, 501).Chunk(50))
            await Task.WhenAll(batch.Select(n => api.CreateConnectionAsync($"aws-{n}")));
        Emulator.Log.Clear();

        var all = await new AwsConnections(Environment, Log, Retry).ListAsync(CancellationToken.None);

        Assert.Equal(501, all.Select(c => c.ConnectionId).Distinct().Count());
        Assert.Equal(2, Emulator.Log.Entries.Count);
    }

    /// <summary>The contract gives these lists no page parameters: one answer holds them all.</summary>
    [Fact]
    public async Task All_150_groups_and_150_policies_come_in_one_answer_and_are_all_read()
    {
        using var account = ConnectAccount();
        var level = AccountLevel(account);
        var groups = new IamGroups(account, Log, Retry);
        var policies = new IamPolicies(account, Log, Retry);
        foreach (var n in Enumerable.Range(0, 150))
        {
            await groups.EnsureAsync($"group-{n}", "", CancellationToken.None);
            await policies.EnsureAsync(level, $"policy-{n}", "", Statement, CancellationToken.None);
        }
        Emulator.Log.Clear();

        Assert.Equal(150, (await groups.ListAsync(CancellationToken.None)).Count);
        Assert.Equal(150, (await policies.ListAsync(level, CancellationToken.None)).Count);
        Assert.Equal(2, Emulator.Log.Entries.Count);
    }

    /// <summary>Not paged either; the docs and the Terraform provider read a bare array, Monaco {"values": [...]}.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task All_120_classic_AWS_credentials_are_listed_whichever_shape_the_list_has(bool stubList)
    {
        using var classic = DynatraceEnvironment.WithApiToken($"{Emulator.BaseUrl}e/abc12345", Secure(DynatraceState.LocalApiToken));
        var credentials = new AwsCredentials(classic, Log, Retry);
        foreach (var batch in Enumerable.Range(0, 120).Chunk(20))
            await Task.WhenAll(batch.Select(n => credentials.CreateAsync(
                new AwsCredentialSpec { Label = $"aws-{n}", AccountId = $"{210987654000 + n}" }, CancellationToken.None)));
        Emulator.Dynatrace.CredentialListAsStubList = stubList;

        Assert.Equal(120, (await credentials.ListAsync(CancellationToken.None)).Count);
        Assert.Equal(120, (await credentials.IdsByLabelAsync(CancellationToken.None)).Count);
    }
}
