using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>Writing a non-empty roleArn makes Dynatrace assume the role, with the connection's objectId as external id.</summary>
public sealed class RoleCheckTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly ConcurrentQueue<(string RoleArn, string Principal, string ExternalId)> _checks = new();
    private string? _refusal;

    public RoleCheckTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Dynatrace.RoleCheckOverride = (roleArn, principal, externalId) =>
        {
            _checks.Enqueue((roleArn, principal, externalId));
            return _refusal;
        };
    }

    [Fact]
    public async Task Setting_the_role_arn_asks_aws_whether_dynatrace_can_assume_it_with_the_object_id()
    {
        var name = Payloads.UniqueName();
        var objectId = await _emulator.Api.CreateConnectionAsync(name);
        var roleArn = Payloads.RoleArn("123456789012");

        var response = await PutValueAsync(objectId, Payloads.ConnectionValue(name, roleArn));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal((roleArn, "arn:aws:iam::314146291599:root", objectId), Assert.Single(_checks));
        Assert.Contains(_emulator.Dynatrace.Connections, c => c.ObjectId == objectId && c.RoleArn == roleArn);
    }

    [Fact]
    public async Task A_role_that_cannot_be_assumed_is_400_with_the_reason_and_nothing_changes()
    {
        var name = Payloads.UniqueName();
        var objectId = await _emulator.Api.CreateConnectionAsync(name);
        _refusal = $"Role can not be assumed with externalId {objectId}";

        var response = await PutValueAsync(objectId, Payloads.ConnectionValue(name, Payloads.RoleArn("123456789012")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(_refusal, response.ViolationMessages);
        Assert.Contains(_emulator.Dynatrace.Connections, c => c.ObjectId == objectId && c.RoleArn == "");
    }

    [Fact]
    public async Task A_create_with_a_role_arn_is_checked_too()
    {
        _refusal = "can not be assumed with externalId";
        var name = Payloads.UniqueName();

        var response = await _emulator.Api.PostAsync(DynatraceApi.Settings, Payloads.CreateConnection(name, Payloads.RoleArn("123456789012")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Single(_checks);
        Assert.DoesNotContain(_emulator.Dynatrace.Connections, c => c.Name == name);
    }

    [Fact]
    public async Task An_empty_role_arn_or_an_invalid_value_is_not_checked()
    {
        await _emulator.Api.CreateConnectionAsync(Payloads.UniqueName());
        await _emulator.Api.PostAsync(DynatraceApi.Settings, Payloads.CreateConnection("x", Payloads.RoleArn("123456789012")));

        Assert.Empty(_checks);
    }

    private Task<ApiResponse> PutValueAsync(string objectId, JsonObject value) =>
        _emulator.Api.PutAsync($"{DynatraceApi.Settings}/{objectId}", new JsonObject { ["value"] = value });
}
