using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>Each rule of the connection schema (reference section 2), one row each, on a POST item built as seed 000 does.</summary>
public sealed class AwsConnectionSchemaTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public AwsConnectionSchemaTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Dynatrace.RoleCheckOverride = (_, _, _) => null;
    }

    public static TheoryData<string, string?, string> Violations => new()
    {
        { "scope", null, "Required property is missing." },
        { "scope", "\"tenant\"", "is not allowed for this schema" },
        { "schemaVersion", "\"0.0.21\"", "Schema version 0.0.21 is not available" },
        { "insertAfter", "\"\"", "Unknown property 'insertAfter'." },
        { "value", null, "Required property is missing." },
        { "value/name", null, "Required property is missing." },
        { "value/name", "\"ab\"", "between 3 and 100" },
        { "value/name", JsonSerializer.Serialize(new string('n', 101)), "between 3 and 100" },
        { "value/name", "\"prod:east\"", "The symbol : is not allowed the name" },
        { "value/name", "42", "Expected a string." },
        { "value/type", "\"awsKeys\"", "is not one of awsRoleBasedAuthentication, awsWebIdentity" },
        { "value/awsRoleBasedAuthentication", null, "Required property is missing." },
        { "value/awsWebIdentity", "{}", "is not allowed when type is awsRoleBasedAuthentication" },
        { "value/awsRoleBasedAuthentication/roleArn", "\"arn:aws-cn:iam::123456789012:role/x\"", "does not match the pattern" },
        { "value/awsRoleBasedAuthentication/roleArn", "\"arn:aws:iam::123456789012:user/x\"", "does not match the pattern" },
        { "value/awsRoleBasedAuthentication/roleArn", JsonSerializer.Serialize("arn:aws:iam::123456789012:role/" + new string('r', 2020)), "longer than 2048" },
        { "value/awsRoleBasedAuthentication/consumers", """["SVC:com.dynatrace.da","SVC:com.dynatrace.bo"]""", "more than 1 item" },
        { "value/awsRoleBasedAuthentication/consumers", """["APP:dynatrace.biz.carbon"]""", "'APP:dynatrace.biz.carbon' is not one of" },
        { "value/awsRoleBasedAuthentication/externalId", "\"x\"", "Unknown property 'externalId'." },
        { "value/region", "\"us-east-1\"", "Unknown property 'region'." },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_create_breaking_one_rule_answers_400_naming_it(string path, string? json, string expected)
    {
        var item = Payloads.ConnectionItem(Payloads.ConnectionValue(Payloads.UniqueName()));
        Payloads.Set(item, path, json);

        var response = await _emulator.Api.PostAsync(DynatraceApi.Settings, new JsonArray(item));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var result = Assert.Single(response.Body.EnumerateArray());
        Assert.Equal(400, result.GetProperty("code").GetInt32());
        Assert.Equal("Constraints violated.", result.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains(response.ViolationMessages, m => m.Contains(expected, System.StringComparison.Ordinal));
        Assert.DoesNotContain(_emulator.Dynatrace.Connections, c => c.Name == item["value"]?["name"]?.ToString());
    }

    [Theory]
    [InlineData("value/name", "\"abc\"")]
    [InlineData("value/awsRoleBasedAuthentication/consumers", "[]")]
    [InlineData("value/awsRoleBasedAuthentication/consumers", """["SVC:com.dynatrace.grail"]""")]
    [InlineData("value/awsRoleBasedAuthentication/roleArn", "\"arn:aws:iam::123456789012:role/path/DynatraceMonitoringRole\"")]
    public async Task Values_at_the_edge_of_the_rules_are_accepted(string path, string json)
    {
        var item = Payloads.ConnectionItem(Payloads.ConnectionValue(Payloads.UniqueName()));
        Payloads.Set(item, path, json);

        var response = await _emulator.Api.PostAsync(DynatraceApi.Settings, new JsonArray(item));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    [Fact]
    public async Task A_name_of_100_characters_is_accepted()
    {
        var name = Payloads.UniqueName().PadRight(100, 'x');

        await _emulator.Api.CreateConnectionAsync(name);

        Assert.Contains(_emulator.Dynatrace.Connections, c => c.Name == name && c.Type == "awsRoleBasedAuthentication" && c.RoleArn == "");
    }
}
