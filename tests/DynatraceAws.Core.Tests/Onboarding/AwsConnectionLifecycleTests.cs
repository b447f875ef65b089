using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Tests.Emulator;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class AwsConnectionLifecycleTests : EmulatorTest
{
    private const string Account = "123456789012";

    private AwsConnections Connections => new(Environment, Log, Retry);

    private DynatraceApi Api => new(Emulator.BaseUrl);

    [Fact]
    public async Task Lists_every_connection_across_pages_of_500()
    {
        using var api = Api;
        await Task.WhenAll(Enumerable.Range(0, 501).Select(i => api.CreateConnectionAsync($"conn-{i:000}")));
        Emulator.Log.Clear();

        var all = await Connections.ListAsync(new AwsConnectionFilter(), CancellationToken.None);

        Assert.Equal(501, all.Select(c => c.ConnectionId).Distinct().Count());
        Assert.Equal(2, Emulator.Log.Entries.Count);
    }

    [Fact]
    public async Task Filters_by_id_and_by_the_account_of_the_role_arn()
    {
        Emulator.Dynatrace.RoleCheckOverride = (_, _, _) => null;
        using var api = Api;
        var withRole = await api.CreateConnectionAsync("with-role", Payloads.RoleArn(Account));
        var withoutRole = await api.CreateConnectionAsync("without-role");

        var byId = await Connections.ListAsync(new AwsConnectionFilter { ConnectionId = withoutRole }, CancellationToken.None);
        var byAccount = await Connections.ListAsync(new AwsConnectionFilter { AccountId = Account }, CancellationToken.None);
        var both = await Connections.ListAsync(new AwsConnectionFilter { ConnectionId = withoutRole, AccountId = Account }, CancellationToken.None);

        Assert.Equal("without-role", Assert.Single(byId).ConnectionName);
        Assert.Equal(withRole, Assert.Single(byAccount).ConnectionId);
        Assert.Empty(both);
    }

    [Fact]
    public async Task An_unknown_id_is_ConnectionNotFound_when_asked_for_and_null_when_looked_for()
    {
        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            Connections.ListAsync(new AwsConnectionFilter { ConnectionId = "nope" }, CancellationToken.None));

        Assert.Equal("ConnectionNotFound", error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Contains("'nope'", error.Message);
        Assert.Null(await Connections.FindByIdAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task A_bad_account_filter_fails_before_any_call()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Connections.ListAsync(new AwsConnectionFilter { AccountId = "12345" }, CancellationToken.None));

        Assert.Equal("AccountId", error.Field);
        Assert.Empty(Emulator.Log.Entries);
    }

    [Fact]
    public async Task Deletes_once_and_a_second_delete_finds_it_already_gone()
    {
        using var api = Api;
        var id = await api.CreateConnectionAsync("prod");

        var first = await Connections.DeleteAsync(id, CancellationToken.None);
        var second = await Connections.DeleteAsync(id, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Empty(Emulator.Dynatrace.Connections);
        Assert.True(Log.Has("VERBOSE", "does not exist"));
    }
}
