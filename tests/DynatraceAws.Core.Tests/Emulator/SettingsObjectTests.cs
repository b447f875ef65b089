using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class SettingsObjectTests : IClassFixture<EmulatorFixture>
{
    private const string Settings = DynatraceApi.Settings;
    private readonly EmulatorFixture _emulator;

    public SettingsObjectTests(EmulatorFixture emulator) => _emulator = emulator;

    private DynatraceApi Api => _emulator.Api;

    [Fact]
    public async Task Create_answers_200_with_a_long_url_safe_object_id_that_is_not_a_guid()
    {
        var response = await Api.PostAsync(Settings, Payloads.CreateConnection(Payloads.UniqueName()));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var item = Assert.Single(response.Body.EnumerateArray());
        Assert.Equal(200, item.GetProperty("code").GetInt32());
        var objectId = item.GetProperty("objectId").GetString()!;
        Assert.Matches(new Regex("^[A-Za-z0-9_-]{100,}$"), objectId);
        Assert.False(Guid.TryParse(objectId, out _));
    }

    [Fact]
    public async Task Get_one_returns_every_field_and_the_update_token_changes_on_each_write()
    {
        var name = Payloads.UniqueName();
        var objectId = await Api.CreateConnectionAsync(name);

        var before = await Api.GetAsync($"{Settings}/{objectId}");
        var renamed = await Api.PutAsync($"{Settings}/{objectId}", new JsonObject { ["value"] = Payloads.ConnectionValue(name + "-b") });
        var after = await Api.GetAsync($"{Settings}/{objectId}");

        Assert.Equal(
            ["objectId", "summary", "searchSummary", "created", "modified", "author", "updateToken", "scope", "schemaId", "schemaVersion", "value"],
            before.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0.0.26", before.Body.GetProperty("schemaVersion").GetString());
        Assert.Equal("environment", before.Body.GetProperty("scope").GetString());
        Assert.Equal(name, before.Body.GetProperty("summary").GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal($$"""{"code":200,"objectId":"{{objectId}}"}""", renamed.Body.GetRawText());
        Assert.NotEqual(before.Body.GetProperty("updateToken").GetString(), after.Body.GetProperty("updateToken").GetString());
        Assert.Equal(name + "-b", after.Body.GetProperty("value").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_stale_update_token_is_a_409_on_put_and_delete()
    {
        var name = Payloads.UniqueName();
        var objectId = await Api.CreateConnectionAsync(name);
        var token = (await Api.GetAsync($"{Settings}/{objectId}")).Body.GetProperty("updateToken").GetString();
        await Api.PutAsync($"{Settings}/{objectId}", new JsonObject { ["value"] = Payloads.ConnectionValue(name + "-b") });

        var put = await Api.PutAsync($"{Settings}/{objectId}", new JsonObject { ["value"] = Payloads.ConnectionValue(name), ["updateToken"] = token });
        var delete = await Api.DeleteAsync($"{Settings}/{objectId}?updateToken={token}");

        Assert.Equal(HttpStatusCode.Conflict, put.Status);
        Assert.Equal(HttpStatusCode.Conflict, delete.Status);
        Assert.Equal(409, delete.Body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Delete_with_the_current_token_answers_204_then_the_object_is_gone()
    {
        var objectId = await Api.CreateConnectionAsync(Payloads.UniqueName());
        var token = (await Api.GetAsync($"{Settings}/{objectId}")).Body.GetProperty("updateToken").GetString();

        var deleted = await Api.DeleteAsync($"{Settings}/{objectId}?updateToken={token}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"{Settings}/{objectId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.DeleteAsync($"{Settings}/{objectId}")).Status);
        Assert.DoesNotContain(_emulator.Dynatrace.Connections, c => c.ObjectId == objectId);
    }

    [Fact]
    public async Task Unknown_objects_are_404_envelopes()
    {
        var get = await Api.GetAsync($"{Settings}/vu9U3hXa3q0AAAABAA-unknown");
        var put = await Api.PutAsync($"{Settings}/vu9U3hXa3q0AAAABAA-unknown", new JsonObject { ["value"] = Payloads.ConnectionValue("abc") });

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal(404, get.Body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, put.Status);
    }

    [Fact]
    public async Task Names_are_unique_on_create_and_on_rename()
    {
        var taken = Payloads.UniqueName();
        await Api.CreateConnectionAsync(taken);
        var other = await Api.CreateConnectionAsync(Payloads.UniqueName());

        var create = await Api.PostAsync(Settings, Payloads.CreateConnection(taken));
        var rename = await Api.PutAsync($"{Settings}/{other}", new JsonObject { ["value"] = Payloads.ConnectionValue(taken) });

        Assert.Equal(HttpStatusCode.BadRequest, create.Status);
        Assert.Contains("There is another connection defined under this name.", create.ViolationMessages);
        Assert.Equal(HttpStatusCode.BadRequest, rename.Status);
        Assert.Contains("There is another connection defined under this name.", rename.ViolationMessages);
    }

    [Fact]
    public async Task The_type_cannot_change_on_put()
    {
        var name = Payloads.UniqueName();
        var objectId = await Api.CreateConnectionAsync(name);
        var webIdentity = new JsonObject
        {
            ["name"] = name,
            ["type"] = "awsWebIdentity",
            ["awsWebIdentity"] = new JsonObject { ["roleArn"] = "", ["consumers"] = new JsonArray("APP:dynatrace.aws.connector") },
        };

        var response = await Api.PutAsync($"{Settings}/{objectId}", new JsonObject { ["value"] = webIdentity });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("The property type can not be modified.", response.ViolationMessages);
    }

    [Fact]
    public async Task A_batch_with_good_and_bad_items_answers_207_item_by_item_without_rollback()
    {
        var name = Payloads.UniqueName();
        var batch = new JsonArray(
            Payloads.ConnectionItem(Payloads.ConnectionValue(name)),
            Payloads.ConnectionItem(Payloads.ConnectionValue("x")),
            new JsonObject { ["schemaId"] = "builtin:unknown", ["scope"] = "environment", ["value"] = new JsonObject() });

        var response = await Api.PostAsync(DynatraceApi.Settings, batch);

        Assert.Equal((HttpStatusCode)207, response.Status);
        Assert.Equal([200, 400, 404], response.Body.EnumerateArray().Select(i => i.GetProperty("code").GetInt32()));
        Assert.Equal("Constraints violated.", response.Body[1].GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("x", response.Body[1].GetProperty("invalidValue").GetProperty("name").GetString());
        Assert.Contains(_emulator.Dynatrace.Connections, c => c.Name == name);
    }

    [Fact]
    public async Task An_unknown_schema_is_404()
    {
        var item = new JsonObject { ["schemaId"] = "builtin:unknown", ["scope"] = "environment", ["value"] = new JsonObject() };

        var create = await Api.PostAsync(Settings, new JsonArray(item));
        var list = await Api.GetAsync($"{Settings}?schemaIds=builtin:unknown");

        Assert.Equal(HttpStatusCode.NotFound, create.Status);
        Assert.Equal(HttpStatusCode.NotFound, list.Status);
    }

    [Fact]
    public async Task The_same_external_id_replaces_instead_of_duplicating()
    {
        var item = Payloads.ConnectionItem(Payloads.ConnectionValue(Payloads.UniqueName()));
        item["externalId"] = "ext-" + Payloads.UniqueName();

        var first = await Api.PostAsync(Settings, new JsonArray(item.DeepClone()));
        var second = await Api.PostAsync(Settings, new JsonArray(item.DeepClone()));

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body[0].GetProperty("objectId").GetString(), second.Body[0].GetProperty("objectId").GetString());
    }

    [Fact]
    public async Task Updating_by_post_with_an_object_id_alone_is_refused()
    {
        var name = Payloads.UniqueName();
        var objectId = await Api.CreateConnectionAsync(name);
        var item = Payloads.ConnectionItem(Payloads.ConnectionValue(name));
        item["objectId"] = objectId;

        var response = await Api.PostAsync(Settings, new JsonArray(item));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("objectId is only applicable if an externalId is provided.", response.ViolationMessages);
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_list_is_rejected()
    {
        var notAList = await Api.PostAsync(Settings, Payloads.ConnectionItem(Payloads.ConnectionValue(Payloads.UniqueName())));
        var empty = await Api.PostAsync(Settings, new JsonArray());
        using var text = new HttpRequestMessage(HttpMethod.Post, _emulator.Host.BaseUrl + Settings) { Content = new StringContent("[]") };
        text.Headers.Authorization = new("Bearer", DynatraceAws.Emulator.Dynatrace.DynatraceState.LocalToken);
        using var http = new HttpClient();
        using var plainText = await http.SendAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, notAList.Status);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainText.StatusCode);
    }
}
