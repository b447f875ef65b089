using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>
/// The emulator answers with the shape real environments were recorded answering with
/// (shared/contracts/dynatrace/recorded): the same property names and JSON value kinds. A settings
/// value belongs to its schema, so only its kind is compared.
/// </summary>
public sealed class RecordedShapeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public RecordedShapeTests(EmulatorFixture emulator) => _emulator = emulator;

    private DynatraceApi Api => _emulator.Api;

    [Fact]
    public async Task Settings_post_has_the_recorded_shape()
    {
        var response = await Api.PostAsync(DynatraceApi.Settings, Payloads.CreateConnection(Payloads.UniqueName()));

        Assert.Equal(Recorded("POST_api_v2_settings_objects_48f5d7ab33b29d3.json"), Shape(response.Body));
    }

    [Fact]
    public async Task Settings_get_one_has_the_recorded_shape()
    {
        var objectId = await Api.CreateConnectionAsync(Payloads.UniqueName());

        var response = await Api.GetAsync($"{DynatraceApi.Settings}/{objectId}");

        Assert.Equal(Recorded("GET_api_v2_settings_objects_one.json"), Shape(response.Body));
    }

    [Fact]
    public async Task Settings_put_has_the_recorded_shape()
    {
        var name = Payloads.UniqueName();
        var objectId = await Api.CreateConnectionAsync(name);

        var response = await Api.PutAsync($"{DynatraceApi.Settings}/{objectId}", new JsonObject { ["value"] = Payloads.ConnectionValue(name + "-b") });

        Assert.Equal(Recorded("PUT_api_v2_settings_objects_one.json"), Shape(response.Body));
    }

    [Fact]
    public async Task Settings_list_last_page_has_the_recorded_shape()
    {
        await Api.CreateConnectionAsync(Payloads.UniqueName());

        var response = await Api.GetAsync($"{DynatraceApi.Settings}?schemaIds={Payloads.SchemaId}");

        Assert.Equal(Recorded("GET_api_v2_settings_objects_accb155250dbcbb.json"), Shape(response.Body));
    }

    private static string Recorded(string file)
    {
        var text = File.ReadAllText(SharedContracts.PathTo("contracts", "dynatrace", "recorded", file));
        return Shape(JsonDocument.Parse(text).RootElement);
    }

    /// <summary>A canonical text of names and kinds: objects by sorted property name, arrays by their first item.</summary>
    private static string Shape(JsonElement element, string? propertyName = null) => element.ValueKind switch
    {
        JsonValueKind.Object when propertyName == "value" => "object",
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject()
            .OrderBy(p => p.Name, System.StringComparer.Ordinal)
            .Select(p => $"{p.Name}:{Shape(p.Value, p.Name)}")) + "}",
        JsonValueKind.Array => "[" + (element.GetArrayLength() > 0 ? Shape(element[0]) : "") + "]",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
