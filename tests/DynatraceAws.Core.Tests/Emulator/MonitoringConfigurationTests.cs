using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class MonitoringConfigurationTests : IClassFixture<EmulatorFixture>
{
    private const string Configurations = DynatraceApi.Configurations;
    private readonly EmulatorFixture _emulator;

    public MonitoringConfigurationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Dynatrace.RoleCheckOverride = (_, _, _) => null;
    }

    private DynatraceApi Api => _emulator.Api;

    [Fact]
    public async Task Create_answers_201_with_a_guid_and_get_one_returns_it_with_modification_info()
    {
        var accountId = Payloads.UniqueAccountId();
        var connectionId = await Api.CreateConnectionAsync(Payloads.UniqueName());

        var created = await Api.PostAsync(Configurations, Payloads.Configuration(connectionId, accountId));
        var objectId = created.Body.GetProperty("objectId").GetString()!;
        var found = await Api.GetAsync($"{Configurations}/{objectId}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(201, created.Body.GetProperty("code").GetInt32());
        Assert.True(Guid.TryParse(objectId, out _));
        Assert.Equal(["objectId", "scope", "value", "modificationInfo"], found.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("integration-aws", found.Body.GetProperty("scope").GetString());
        var stored = Assert.Single(_emulator.Dynatrace.MonitoringConfigurations, c => c.ObjectId == objectId);
        Assert.Equal((accountId, connectionId), (stored.AccountId, stored.ConnectionId));
    }

    [Theory]
    [InlineData("scope", "\"environment\"", "The scope must be integration-aws")]
    [InlineData("scope", null, "Required property is missing.")]
    [InlineData("extra", "1", "Unknown property 'extra'.")]
    [InlineData("value/enabled", "\"yes\"", "Expected a boolean.")]
    [InlineData("value/description", null, "Required property is missing.")]
    [InlineData("value/description", "\"1st-account\"", "start with a letter")]
    [InlineData("value/description", "\"my account\"", "start with a letter")]
    [InlineData("value/version", "\"9.9.9\"", "Version 9.9.9 of com.dynatrace.extension.da-aws is not installed")]
    [InlineData("value/featureSets", "[]", "At least one feature set is required.")]
    [InlineData("value/featureSets", """["EC2_essential","EC2_essential"]""", "must not repeat")]
    [InlineData("value/featureSets", """["EC2_premium"]""", "'EC2_premium' is not a feature set")]
    [InlineData("value/aws", null, "Required property is missing.")]
    [InlineData("value/aws/deploymentRegion", "\"\"", "is not a supported AWS region")]
    [InlineData("value/aws/credentials", "[]", "Exactly one credential is required.")]
    [InlineData("value/aws/credentials/0/accountId", "\"12345\"", "An AWS account ID has 12 digits.")]
    [InlineData("value/aws/credentials/0/accountId", "123456789012", "Expected a string.")]
    [InlineData("value/aws/credentials/0/connectionId", "\"vu9U3hXa3q0-missing\"", "Invalid account ID provided: there is no AWS connection vu9U3hXa3q0-missing")]
    [InlineData("value/aws/credentials/0/connectionId", "\"*\"", "Invalid account ID provided")]
    [InlineData("value/aws/credentials/0/enabled", null, "Required property is missing.")]
    [InlineData("value/aws/credentials/0/overrideParentConfiguration", "false", "Unknown property 'overrideParentConfiguration'.")]
    [InlineData("value/aws/regionFiltering", """["eu-central-1"]""", "us-east-1 must always be monitored")]
    [InlineData("value/aws/regionFiltering", """["us-east-1","mars-north-1"]""", "'mars-north-1' is not a supported AWS region")]
    [InlineData("value/aws/metricsConfiguration/regions", """["us-east-1"]""", "The regions must be those of regionFiltering.")]
    [InlineData("value/aws/metricsConfiguration", null, "Required property is missing.")]
    public async Task A_create_breaking_one_rule_answers_400_naming_it(string path, string? json, string expected)
    {
        var body = Payloads.Configuration(await Api.CreateConnectionAsync(Payloads.UniqueName()), Payloads.UniqueAccountId());
        Payloads.Set(body, path, json);

        var response = await Api.PostAsync(Configurations, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(response.ViolationMessages, m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regions_are_compared_as_sets_and_the_classic_array_body_is_refused()
    {
        var connectionId = await Api.CreateConnectionAsync(Payloads.UniqueName());
        var reordered = Payloads.Configuration(connectionId, Payloads.UniqueAccountId(), "us-east-1", "eu-west-1");
        reordered["value"]!["aws"]!["metricsConfiguration"]!["regions"] = new JsonArray("eu-west-1", "us-east-1");

        var accepted = await Api.PostAsync(Configurations, reordered);
        var classic = await Api.PostAsync(Configurations, new JsonArray(Payloads.Configuration(connectionId, Payloads.UniqueAccountId())));

        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        Assert.Equal(HttpStatusCode.BadRequest, classic.Status);
    }

    [Fact]
    public async Task Each_account_has_one_configuration()
    {
        var accountId = Payloads.UniqueAccountId();
        var (_, configurationId) = await Api.OnboardAsync(accountId);
        var otherConnection = await Api.CreateConnectionAsync(Payloads.UniqueName());

        var duplicate = await Api.PostAsync(Configurations, Payloads.Configuration(otherConnection, accountId));
        var current = (await Api.GetAsync($"{Configurations}/{configurationId}")).Body.GetProperty("value");
        var resave = await Api.PutAsync($"{Configurations}/{configurationId}", new JsonObject { ["value"] = JsonNode.Parse(current.GetRawText()) });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("Account ID must be unique", duplicate.ViolationMessages);
        Assert.Equal(HttpStatusCode.OK, resave.Status);
    }

    [Fact]
    public async Task The_account_must_be_the_one_of_the_connection_role()
    {
        var name = Payloads.UniqueName();
        var connectionId = await Api.CreateConnectionAsync(name);
        await Api.PutAsync($"{DynatraceApi.Settings}/{connectionId}", new JsonObject { ["value"] = Payloads.ConnectionValue(name, Payloads.RoleArn("111111111111")) });

        var response = await Api.PostAsync(Configurations, Payloads.Configuration(connectionId, Payloads.UniqueAccountId()));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(response.ViolationMessages, m => m.StartsWith("Invalid account ID provided", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_must_send_back_the_value_it_read()
    {
        var (_, configurationId) = await Api.OnboardAsync(Payloads.UniqueAccountId());
        var read = JsonNode.Parse((await Api.GetAsync($"{Configurations}/{configurationId}")).Body.GetProperty("value").GetRawText())!;
        read["description"] = "renamed";
        var rebuilt = read.DeepClone();
        rebuilt.AsObject().Remove("tenantInstanceId");

        var roundTrip = await Api.PutAsync($"{Configurations}/{configurationId}", new JsonObject { ["value"] = read });
        var fromScratch = await Api.PutAsync($"{Configurations}/{configurationId}", new JsonObject { ["value"] = rebuilt });
        var newScope = await Api.PutAsync($"{Configurations}/{configurationId}", new JsonObject { ["scope"] = "environment", ["value"] = read.DeepClone() });
        var missing = await Api.PutAsync($"{Configurations}/{Guid.NewGuid()}", new JsonObject { ["value"] = read.DeepClone() });

        Assert.Equal(HttpStatusCode.OK, roundTrip.Status);
        Assert.Equal($$"""{"objectId":"{{configurationId}}","code":200}""", roundTrip.Body.GetRawText());
        Assert.Contains("\"description\":\"renamed\"", _emulator.Dynatrace.MonitoringConfigurations.Single(c => c.ObjectId == configurationId).ValueJson);
        Assert.Equal(HttpStatusCode.BadRequest, fromScratch.Status);
        Assert.Equal(HttpStatusCode.BadRequest, newScope.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Deleting_a_configuration_deletes_its_connection()
    {
        var (connectionId, configurationId) = await Api.OnboardAsync(Payloads.UniqueAccountId());

        var deleted = await Api.DeleteAsync($"{Configurations}/{configurationId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"{Configurations}/{configurationId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"{DynatraceApi.Settings}/{connectionId}")).Status);
        Assert.DoesNotContain(_emulator.Dynatrace.Connections, c => c.ObjectId == connectionId);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.DeleteAsync($"{Configurations}/{configurationId}")).Status);
    }

    [Fact]
    public async Task The_status_is_pending_until_the_connection_has_a_role()
    {
        var accountId = Payloads.UniqueAccountId();
        var (connectionId, configurationId) = await Api.OnboardAsync(accountId);
        var name = _emulator.Dynatrace.Connections.Single(c => c.ObjectId == connectionId).Name;

        var pending = await Api.GetAsync($"{Configurations}/{configurationId}/status");
        await Api.PutAsync($"{DynatraceApi.Settings}/{connectionId}", new JsonObject { ["value"] = Payloads.ConnectionValue(name, Payloads.RoleArn(accountId)) });
        var ok = await Api.GetAsync($"{Configurations}/{configurationId}/status");

        Assert.Equal("PENDING", pending.Body.GetProperty("status").GetString());
        Assert.Equal("OK", ok.Body.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(ok.Body.GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public async Task Pages_follow_with_the_key_alone()
    {
        for (var i = 0; i < 3; i++) await Api.OnboardAsync(Payloads.UniqueAccountId());

        var page = await Api.GetAsync($"{Configurations}?page-size=2");
        var totalCount = page.Body.GetProperty("totalCount").GetInt32();
        var firstKey = page.Body.GetProperty("nextPageKey").GetString();
        Assert.Equal(["objectId", "scope", "value"], page.Body.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
        var seen = new List<string>();
        while (true)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("objectId").GetString()!));
            if (!page.Body.TryGetProperty("nextPageKey", out var key)) break;
            page = await Api.GetAsync($"{Configurations}?next-page-key={key.GetString()}");
        }
        var withSize = await Api.GetAsync($"{Configurations}?page-key={firstKey}&page-size=2");
        var tooLarge = await Api.GetAsync($"{Configurations}?page-size=501");

        Assert.Equal(totalCount, seen.Distinct().Count());
        Assert.Equal(totalCount, seen.Count);
        Assert.Equal(HttpStatusCode.BadRequest, withSize.Status);
        Assert.Equal("Constraints violated.", withSize.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
    }

    [Fact]
    public async Task Another_extension_name_in_the_path_is_404()
    {
        var response = await Api.GetAsync("platform/extensions/v2/extensions/com.dynatrace.extension.other/monitoring-configurations");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }
}
