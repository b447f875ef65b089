using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Http;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>An emulator whose IAM takes two changing calls per second per account, on a clock the tests step.</summary>
public sealed class IamBudgetFixture : AwsEmulatorFixture
{
    public IamBudgetFixture() : base(new EmulatorOptions { IamWritesPerSecond = 2 }) { }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
}

/// <summary>IAM's throttling per account: a budget of changing calls per second, refused beyond it with IAM's Throttling error.</summary>
public sealed class IamThrottlingTests : IClassFixture<IamBudgetFixture>
{
    private readonly IamBudgetFixture _emulator;

    public IamThrottlingTests(IamBudgetFixture emulator)
    {
        _emulator = emulator;
        _emulator.Aws.Clock = emulator.Clock;
    }

    private Task<AwsAnswer> CreatePolicyAsync(AwsAccountKeys keys, string name) =>
        _emulator.Query.IamAsync(AwsEmulatorFixture.Credentials(keys), "CreatePolicy", ("PolicyName", name), ("PolicyDocument", Documents.Permissions("s3:GetObject")));

    [Fact]
    public async Task Refuses_changing_calls_beyond_the_budget_with_throttling_and_changes_nothing()
    {
        var keys = _emulator.NewAccount();
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "First")).Status);
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "Second")).Status);

        var refused = await CreatePolicyAsync(keys, "Third");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Throttling", refused.ErrorCode);
        Assert.Equal("Rate exceeded", refused.ErrorMessage);
        Assert.Equal("Sender", refused.Find("Error", "Type")?.Value);
        Assert.Equal(["First", "Second"], _emulator.Aws.Policies(keys.AccountId).Select(p => p.Name));
    }

    [Fact]
    public async Task Refills_as_time_passes_and_never_holds_more_than_one_second_s_worth()
    {
        var keys = _emulator.NewAccount();
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "A")).Status);
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "B")).Status);
        Assert.Equal("Throttling", (await CreatePolicyAsync(keys, "C")).ErrorCode);

        _emulator.Clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal("Throttling", (await CreatePolicyAsync(keys, "C")).ErrorCode);
        _emulator.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "C")).Status);
        Assert.Equal("Throttling", (await CreatePolicyAsync(keys, "D")).ErrorCode);

        _emulator.Clock.Advance(TimeSpan.FromSeconds(30)); // idle time earns no burst beyond the budget
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "D")).Status);
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(keys, "E")).Status);
        Assert.Equal("Throttling", (await CreatePolicyAsync(keys, "F")).ErrorCode);
    }

    [Fact]
    public async Task Counts_each_account_on_its_own_and_never_counts_reads()
    {
        var first = _emulator.NewAccount();
        var second = _emulator.NewAccount();
        await CreatePolicyAsync(first, "A");
        await CreatePolicyAsync(first, "B");
        Assert.Equal("Throttling", (await CreatePolicyAsync(first, "C")).ErrorCode);

        var credentials = AwsEmulatorFixture.Credentials(first);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await _emulator.Query.IamAsync(credentials, "ListPolicies", ("Scope", "Local"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await CreatePolicyAsync(second, "A")).Status);
    }

    [Fact]
    public async Task Core_sees_the_same_error_as_the_injected_throttling_fault_an_overload_its_retry_policy_retries()
    {
        var keys = _emulator.NewAccount();
        var iam = _emulator.Iam(keys);
        await CreatePolicyAsync(keys, "A");
        await CreatePolicyAsync(keys, "B");

        var budget = await Assert.ThrowsAsync<IamException>(() =>
            iam.CreatePolicyAsync(new CreatePolicyRequest("C", Documents.Permissions("s3:GetObject")), CancellationToken.None));

        var fault = _emulator.Host.Faults.Add(new FaultRule { Kind = FaultKind.IamThrottling, Service = "iam", Remaining = 1 });
        var injected = await Assert.ThrowsAsync<IamException>(() => iam.GetRoleAsync("Any", CancellationToken.None));
        Assert.Equal(1, fault.Fired);

        foreach (var error in new[] { budget, injected })
        {
            Assert.Equal((IamErrorCodes.Throttling, HttpStatusCode.BadRequest, "Rate exceeded"), (error.Code, error.StatusCode, error.ServiceMessage));
            Assert.True(RetryPolicy.IsTransient(error));
            Assert.True(AdaptiveConcurrency.IsOverload(error));
        }
    }
}
