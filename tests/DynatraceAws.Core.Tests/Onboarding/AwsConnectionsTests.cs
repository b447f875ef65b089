using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class AwsConnectionsTests : EmulatorTest
{
    private const string Account = "123456789012";
    private static readonly string Role = $"arn:aws:iam::{Account}:role/DynatraceMonitoringRole";

    private AwsConnections Connections => new(Environment, Log, Retry);

    private static RoleArnOptions QuickRetries(TimeSpan timeout) => new()
    {
        PropagationTimeout = timeout, FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task Creates_the_connection_of_the_seed_with_an_empty_role_arn()
    {
        var outcome = await Connections.EnsureAsync("my-prod-east45", Account, CancellationToken.None);

        Assert.True(outcome.Changed);
        var created = outcome.Item;
        Assert.Equal("my-prod-east45", created.ConnectionName);
        Assert.Equal(Account, created.AccountId);
        Assert.Equal("", created.RoleArn);
        Assert.Equal("abc12345", created.EnvironmentId);
        var stored = Assert.Single(Emulator.Dynatrace.Connections);
        Assert.Equal(created.ConnectionId, stored.ObjectId);
        Assert.Equal("awsRoleBasedAuthentication", stored.Type);
        Assert.Equal("SVC:com.dynatrace.da", created.Consumer);
    }

    [Fact]
    public async Task A_rerun_returns_the_existing_connection_says_so_and_writes_nothing()
    {
        var first = await Connections.EnsureAsync("prod", Account, CancellationToken.None);
        Emulator.Log.Clear();

        var plan = await Connections.PlanCreateAsync("prod", Account, CancellationToken.None);
        var second = await plan.ApplyAsync(CancellationToken.None);

        Assert.False(plan.HasChanges);
        Assert.Equal(first.Item.ConnectionId, second.ConnectionId);
        Assert.Empty(Emulator.Log.Writes);
        Assert.Contains("already exists", plan.Unchanged);
        Assert.Single(Emulator.Dynatrace.Connections);
    }

    [Fact]
    public async Task A_name_taken_between_the_read_and_the_write_returns_the_existing_connection()
    {
        var first = await Connections.CreateAsync("prod", Account, CancellationToken.None);
        var second = await Connections.CreateAsync("prod", Account, CancellationToken.None);

        Assert.False(second.Changed);
        Assert.Equal(first.Item.ConnectionId, second.Item.ConnectionId);
        Assert.Single(Emulator.Dynatrace.Connections);
    }

    /// <summary>AWS connections are private to the user who made them: a name another user took cannot be seen, and a create says why it fails.</summary>
    [Fact]
    public async Task A_name_taken_by_a_connection_of_another_user_is_ConnectionNotVisible_explaining_owner_based_access()
    {
        Emulator.Dynatrace.AddConnectionOwnedBy("dt0s16.COLLEAGUE", "prod");

        var listed = await Connections.ListAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => Connections.EnsureAsync("prod", Account, CancellationToken.None));

        Assert.Empty(listed);
        Assert.Equal("ConnectionNotVisible", error.ErrorId);
        Assert.Equal(FailureCategory.ResourceExists, error.Category);
        Assert.Contains("owner-based access", error.Message);
        Assert.Contains("another connection name", error.RecommendedAction);
        Assert.Single(Emulator.Dynatrace.Connections);
    }

    [Theory]
    [InlineData("ab", "123456789012", "Name")]
    [InlineData("has:colon", "123456789012", "Name")]
    [InlineData("prod", "12345", "AccountId")]
    public async Task Bad_input_fails_before_any_call(string name, string account, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Connections.EnsureAsync(name, account, CancellationToken.None));
        Assert.Equal(field, error.Field);
        Assert.Empty(Emulator.Log.Entries);
    }

    [Fact]
    public async Task Writes_the_role_arn_once_Dynatrace_can_assume_the_role()
    {
        var connection = (await Connections.EnsureAsync("prod", Account, CancellationToken.None)).Item;
        var refusals = 0;
        Emulator.Dynatrace.RoleCheckOverride = (arn, principal, externalId) =>
        {
            Assert.Equal("arn:aws:iam::314146291599:root", principal);
            Assert.Equal(connection.ConnectionId, externalId);
            return ++refusals <= 2 ? $"Role {arn} can not be assumed with externalId {externalId}" : null;
        };

        var outcome = await Connections.SetRoleArnAsync(connection.ConnectionId, Role, QuickRetries(TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.True(outcome.Changed);
        Assert.Equal(Role, outcome.Item.RoleArn);
        Assert.Equal(Role, Emulator.Dynatrace.Connections.Single().RoleArn);
        Assert.Equal(3, refusals);
        Assert.Contains(Log.ProgressReports, p => p.Activity == "Waiting for IAM propagation" && !p.Completed);
        Assert.Contains(Log.ProgressReports, p => p.Completed);
    }

    [Fact]
    public async Task Gives_up_with_RoleNotAssumable_after_the_propagation_timeout()
    {
        var connection = (await Connections.EnsureAsync("prod", Account, CancellationToken.None)).Item;
        Emulator.Dynatrace.RoleCheckOverride = (arn, _, id) => $"Role {arn} can not be assumed with externalId {id}";

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            Connections.SetRoleArnAsync(connection.ConnectionId, Role, QuickRetries(TimeSpan.FromMilliseconds(300)), CancellationToken.None));

        Assert.Equal("RoleNotAssumable", error.ErrorId);
        Assert.Contains("can not be assumed", error.Message);
        Assert.Equal("", Emulator.Dynatrace.Connections.Single().RoleArn);
    }

    [Fact]
    public async Task The_same_arn_again_writes_nothing_and_a_different_one_needs_Force()
    {
        Emulator.Dynatrace.RoleCheckOverride = (_, _, _) => null;
        var connection = (await Connections.EnsureAsync("prod", Account, CancellationToken.None)).Item;
        await Connections.SetRoleArnAsync(connection.ConnectionId, Role, QuickRetries(TimeSpan.FromSeconds(5)), CancellationToken.None);
        Emulator.Log.Clear();

        var again = await Connections.SetRoleArnAsync(connection.ConnectionId, Role, QuickRetries(TimeSpan.FromSeconds(5)), CancellationToken.None);
        Assert.False(again.Changed);
        Assert.Empty(Emulator.Log.Writes);

        var other = $"arn:aws:iam::{Account}:role/Other";
        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            Connections.SetRoleArnAsync(connection.ConnectionId, other, QuickRetries(TimeSpan.FromSeconds(5)), CancellationToken.None));
        Assert.Equal("RoleArnAlreadySet", error.ErrorId);
        Assert.Contains("new connection name", error.RecommendedAction);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task A_409_conflict_is_read_again_and_retried()
    {
        Emulator.Dynatrace.RoleCheckOverride = (_, _, _) => null;
        var connection = (await Connections.EnsureAsync("prod", Account, CancellationToken.None)).Item;
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.UpdateTokenConflict, Service = "dynatrace", Method = "PUT", Remaining = 1 });

        var outcome = await Connections.SetRoleArnAsync(connection.ConnectionId, Role, QuickRetries(TimeSpan.FromSeconds(5)), CancellationToken.None);

        Assert.Equal(Role, outcome.Item.RoleArn);
        Assert.Equal(2, Emulator.Log.Entries.Count(e => e.Method == "PUT"));
    }

    [Fact]
    public async Task An_unknown_connection_id_is_ConnectionNotFound()
    {
        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() =>
            Connections.SetRoleArnAsync("nope", Role, QuickRetries(TimeSpan.FromSeconds(1)), CancellationToken.None));
        Assert.Equal("ConnectionNotFound", error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
    }

    [Fact]
    public async Task Lists_every_connection_across_pages()
    {
        for (var i = 0; i < 7; i++) await Connections.CreateAsync($"conn-{i:00}", Account, CancellationToken.None);
        var all = await Connections.ListAsync(CancellationToken.None);
        Assert.Equal(7, all.Select(c => c.ConnectionName).Distinct().Count());
    }
}
