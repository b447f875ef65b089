using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Tests.Emulator;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>An emulator where a role becomes assumable two minutes after its trust policy was written, as Terraform allows for.</summary>
public sealed class PropagatingAwsEmulatorFixture : AwsEmulatorFixture
{
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(2);

    public PropagatingAwsEmulatorFixture() : base(new EmulatorOptions { PropagationDelay = Delay }) { }
}

/// <summary>
/// What Dynatrace's side asks the AWS side when a roleArn is written to a connection: could
/// Dynatrace's account assume the role now, with the connection's objectId as external id?
/// </summary>
public sealed class RoleAssumptionTests : IClassFixture<PropagatingAwsEmulatorFixture>
{
    private const string DynatracePrincipal = "arn:aws:iam::314146291599:root";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly PropagatingAwsEmulatorFixture _emulator;
    private readonly SteppedClock _clock = new();

    public RoleAssumptionTests(PropagatingAwsEmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Aws.Clock = _clock;
    }

    [Fact]
    public async Task A_new_role_becomes_assumable_once_the_propagation_delay_has_passed()
    {
        var (iam, _) = NewAccount();
        var role = await iam.CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust(DynatracePrincipal, "object-id")), None);

        Assert.Equal($"Role {role.Arn} can not be assumed with externalId object-id",
            _emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "object-id"));
        _clock.Advance(PropagatingAwsEmulatorFixture.Delay - TimeSpan.FromSeconds(1));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "object-id"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "object-id"));
    }

    [Fact]
    public async Task Rewriting_the_trust_policy_starts_the_delay_again()
    {
        var (iam, _) = NewAccount();
        var role = await iam.CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust(DynatracePrincipal, "old-id")), None);
        _clock.Advance(PropagatingAwsEmulatorFixture.Delay);

        await iam.UpdateAssumeRolePolicyAsync("DynatraceMonitoringRole", Documents.Trust(DynatracePrincipal, "new-id"), None);

        Assert.NotNull(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "new-id"));
        _clock.Advance(PropagatingAwsEmulatorFixture.Delay);
        Assert.Null(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "new-id"));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "old-id"));
    }

    [Fact]
    public async Task Only_the_trusted_principal_with_the_required_external_id_may_assume_an_existing_role()
    {
        var (iam, account) = NewAccount();
        var role = await iam.CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust(DynatracePrincipal, "object-id")), None);
        var trustingTheAccountId = await iam.CreateRoleAsync(new CreateRoleRequest("ByAccountId", Documents.Trust("314146291599")), None);
        _clock.Advance(PropagatingAwsEmulatorFixture.Delay);

        Assert.Null(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "object-id"));
        Assert.Null(_emulator.Aws.WhyNotAssumable(trustingTheAccountId.Arn, DynatracePrincipal, "any-id"));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable(role.Arn, DynatracePrincipal, "object-id-2"));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable(role.Arn, "arn:aws:iam::476114158034:root", "object-id"));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable($"arn:aws:iam::{account}:role/Missing", DynatracePrincipal, "object-id"));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable(role.Arn.Replace(account, "999999999999", StringComparison.Ordinal), DynatracePrincipal, "object-id"));
        Assert.NotNull(_emulator.Aws.WhyNotAssumable("not-an-arn", DynatracePrincipal, "object-id"));
    }

    [Fact]
    public async Task Dynatrace_accepts_the_role_arn_on_a_connection_once_the_role_has_propagated()
    {
        var (iam, _) = NewAccount();
        using var dynatrace = new DynatraceApi(_emulator.Host.BaseUrl);
        var name = Payloads.UniqueName();
        var objectId = await dynatrace.CreateConnectionAsync(name);
        var role = await iam.CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust(DynatracePrincipal, objectId)), None);
        Task<ApiResponse> SetRoleArnAsync() => dynatrace.PutAsync($"{DynatraceApi.Settings}/{objectId}",
            new System.Text.Json.Nodes.JsonObject { ["value"] = Payloads.ConnectionValue(name, role.Arn) });

        var early = await SetRoleArnAsync();
        _clock.Advance(PropagatingAwsEmulatorFixture.Delay);
        var late = await SetRoleArnAsync();

        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Contains($"Role {role.Arn} can not be assumed with externalId {objectId}", early.ViolationMessages);
        Assert.Equal(HttpStatusCode.OK, late.Status);
    }

    private (IamClient Iam, string AccountId) NewAccount()
    {
        var keys = _emulator.NewAccount();
        return (_emulator.Iam(keys), keys.AccountId);
    }
}
