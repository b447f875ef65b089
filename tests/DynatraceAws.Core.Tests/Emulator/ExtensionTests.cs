using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

public sealed class ExtensionTests : IClassFixture<EmulatorFixture>
{
    private const string DaAws = "com.dynatrace.extension.da-aws";
    private readonly EmulatorFixture _emulator;

    public ExtensionTests(EmulatorFixture emulator) => _emulator = emulator;

    private DynatraceApi Api => _emulator.Api;

    [Fact]
    public async Task The_active_version_lookup_of_seed_000_answers_as_documented()
    {
        var response = await Api.GetAsync($"{DynatraceApi.Extensions}?filter=name='{DaAws}'&add-fields=activeVersion");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(
            """{"items":[{"extensionName":"com.dynatrace.extension.da-aws","version":"1.0.5","activeVersion":"1.0.0"}],"totalCount":1}""",
            response.Body.GetRawText());
    }

    [Fact]
    public async Task Without_add_fields_there_is_no_active_version_and_another_name_matches_nothing()
    {
        var plain = await Api.GetAsync($"{DynatraceApi.Extensions}?filter=name='{DaAws}'");
        var other = await Api.GetAsync($"{DynatraceApi.Extensions}?filter=name='com.dynatrace.extension.other'&add-fields=activeVersion");

        Assert.False(plain.Body.GetProperty("items")[0].TryGetProperty("activeVersion", out _));
        Assert.Equal("""{"items":[],"totalCount":0}""", other.Body.GetRawText());
    }

    [Fact]
    public async Task The_versions_of_an_installed_extension_say_which_is_active()
    {
        var response = await Api.GetAsync($"{DynatraceApi.Extensions}/{DaAws}");
        var missing = await Api.GetAsync($"{DynatraceApi.Extensions}/com.dynatrace.extension.other");

        Assert.Equal(
            [("1.0.0", true), ("1.0.5", false)],
            response.Body.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("version").GetString(), i.GetProperty("active").GetBoolean())));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Pages_follow_with_next_page_key_alone_and_a_page_key_is_refused_naming_it()
    {
        _emulator.Dynatrace.SetExtension("com.dynatrace.extension.snmp-generic", ["0.2.5"], "0.2.5");
        var first = await Api.GetAsync($"{DynatraceApi.Extensions}?page-size=1");
        var key = first.Body.GetProperty("nextPageKey").GetString();

        var next = await Api.GetAsync($"{DynatraceApi.Extensions}?next-page-key={key}");
        var byPageKey = await Api.GetAsync($"{DynatraceApi.Extensions}?page-key={key}");
        var withSize = await Api.GetAsync($"{DynatraceApi.Extensions}?next-page-key={key}&page-size=1");
        var tooLarge = await Api.GetAsync($"{DynatraceApi.Extensions}?page-size=101");

        Assert.Equal(2, first.Body.GetProperty("totalCount").GetInt32());
        Assert.Single(first.Body.GetProperty("items").EnumerateArray());
        Assert.Single(next.Body.GetProperty("items").EnumerateArray());
        Assert.False(next.Body.TryGetProperty("nextPageKey", out _));
        Assert.Equal(HttpStatusCode.BadRequest, byPageKey.Status);
        Assert.Contains("next-page-key", byPageKey.Body.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, withSize.Status);
        Assert.Equal("Constraints violated.", withSize.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
    }

    [Fact]
    public async Task An_unsupported_filter_is_refused_rather_than_ignored()
    {
        var response = await Api.GetAsync($"{DynatraceApi.Extensions}?filter=name~'da'");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
