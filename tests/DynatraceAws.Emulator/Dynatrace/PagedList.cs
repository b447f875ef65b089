using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A page of the platform extensions API: {items, totalCount, nextPageKey} (the key only when more follow).</summary>
internal static class PagedList
{
    public static IResult Result(IEnumerable<JsonObject> items, int totalCount, PlatformPage page)
    {
        var body = new JsonObject
        {
            ["items"] = new JsonArray(items.ToArray<JsonNode?>()),
            ["totalCount"] = totalCount,
        };
        if (page.NextPageKey(totalCount) is { } nextPageKey) body["nextPageKey"] = nextPageKey;
        return Results.Json(body);
    }
}
