using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class SettingsListTests : IClassFixture<EmulatorFixture>
{
    private const string BySchema = DynatraceApi.Settings + "?schemaIds=" + Payloads.SchemaId;
    private readonly EmulatorFixture _emulator;

    public SettingsListTests(EmulatorFixture emulator) => _emulator = emulator;

    private DynatraceApi Api => _emulator.Api;

    [Fact]
    public async Task Pages_are_walked_with_the_next_page_key_alone_and_the_last_page_has_none()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++) created.Add(await Api.CreateConnectionAsync(Payloads.UniqueName()));

        var seen = new List<string>();
        var page = await Api.GetAsync(BySchema + "&pageSize=2");
        var total = page.Body.GetProperty("totalCount").GetInt32();
        while (true)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(2, page.Body.GetProperty("pageSize").GetInt32());
            seen.AddRange(page.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("objectId").GetString()!));
            if (!page.Body.TryGetProperty("nextPageKey", out var key)) break;
            page = await Api.GetAsync($"{DynatraceApi.Settings}?nextPageKey={key.GetString()}");
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
    }

    [Theory]
    [InlineData("pageSize=2")]
    [InlineData("schemaIds=" + Payloads.SchemaId)]
    [InlineData("scopes=environment")]
    [InlineData("fields=objectId")]
    public async Task A_next_page_key_with_any_other_parameter_is_400(string other)
    {
        await Api.CreateConnectionAsync(Payloads.UniqueName());
        await Api.CreateConnectionAsync(Payloads.UniqueName());
        var key = (await Api.GetAsync(BySchema + "&pageSize=1")).Body.GetProperty("nextPageKey").GetString();

        var response = await Api.GetAsync($"{DynatraceApi.Settings}?nextPageKey={key}&{other}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Constraints violated.", response.ErrorMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?pageSize=10")]
    [InlineData("?schemaIds=" + Payloads.SchemaId + "&pageSize=501")]
    [InlineData("?schemaIds=" + Payloads.SchemaId + "&pageSize=0")]
    [InlineData("?schemaIds=" + Payloads.SchemaId + "&fields=objectId,password")]
    [InlineData("?schemaIds=" + Payloads.SchemaId + "&filter=value.name%20contains%20'x'")]
    [InlineData("?schemaIds=" + Payloads.SchemaId + "&fields=objectId&filter=value.name%20%3D%20'x'")]
    [InlineData("?nextPageKey=not-a-key")]
    public async Task Malformed_list_queries_are_400(string query)
    {
        var response = await Api.GetAsync(DynatraceApi.Settings + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Items_carry_objectId_and_value_by_default_and_fields_replaces_that_set()
    {
        await Api.CreateConnectionAsync(Payloads.UniqueName());

        var byDefault = (await Api.GetAsync(BySchema)).Body.GetProperty("items")[0];
        var asked = (await Api.GetAsync(BySchema + "&fields=updateToken,objectId")).Body.GetProperty("items")[0];

        Assert.Equal(["objectId", "value"], byDefault.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["objectId", "updateToken"], asked.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_filter_on_the_name_finds_exactly_that_connection()
    {
        var name = Payloads.UniqueName();
        var objectId = await Api.CreateConnectionAsync(name);
        await Api.CreateConnectionAsync(Payloads.UniqueName());

        var response = await Api.GetAsync($"{DynatraceApi.Settings}?scopes=environment&filter=value.name%20%3D%20'{name}'");

        var item = Assert.Single(response.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(objectId, item.GetProperty("objectId").GetString());
        Assert.Equal(1, response.Body.GetProperty("totalCount").GetInt32());
        Assert.False(response.Body.TryGetProperty("nextPageKey", out _));
    }

    [Fact]
    public async Task Concurrent_creates_keep_every_distinct_name_and_exactly_one_of_a_contested_name()
    {
        var contested = Payloads.UniqueName();
        var distinct = Enumerable.Range(0, 150).Select(_ => Payloads.UniqueName()).ToArray();

        var responses = await Task.WhenAll(
            distinct.Concat(Enumerable.Repeat(contested, 50))
                .Select(name => Api.PostAsync(DynatraceApi.Settings, Payloads.CreateConnection(name))));

        Assert.Equal(151, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(r => r.ViolationMessages.Contains("There is another connection defined under this name.")));
        var names = _emulator.Dynatrace.Connections.Select(c => c.Name).ToArray();
        Assert.Single(names, n => n == contested);
        Assert.Subset(names.ToHashSet(), distinct.ToHashSet());
    }
}
