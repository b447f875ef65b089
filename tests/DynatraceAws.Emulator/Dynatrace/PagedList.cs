using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A page of a cursor-paged list: {items (or results), totalCount, nextPageKey}, the key only when more follow.</summary>
internal static class PagedList
{
    public static IResult Result(IEnumerable<JsonObject> items, int totalCount, CursorPage page, string itemsMember = "items")
    {
        var body = new JsonObject
        {
            [itemsMember] = new JsonArray(page.Slice(items).ToArray<JsonNode?>()),
            ["totalCount"] = totalCount,
        };
        if (page.NextPageKey(totalCount) is { } nextPageKey) body["nextPageKey"] = nextPageKey;
        return Results.Json(body);
    }
}
