using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>Settings 2.0 objects on the platform path (same bodies as classic /api/v2/settings/objects).</summary>
internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        var objects = app.MapGroup("/platform/classic/environment-api/v2/settings/objects");
        objects.MapPost("", (HttpRequest request) => CreateAsync(request, state)).RequireScope(state, Scopes.SettingsWrite);
        objects.MapGet("", (HttpRequest request) => List(request, state)).RequireScope(state, Scopes.SettingsRead);
        objects.MapGet("/{objectId}", (string objectId, HttpRequest request) => Get(objectId, request, state)).RequireScope(state, Scopes.SettingsRead);
        objects.MapPut("/{objectId}", (string objectId, HttpRequest request) => UpdateAsync(objectId, request, state))
            .RequireScope(state, Scopes.SettingsWrite);
        objects.MapDelete("/{objectId}", (string objectId, HttpRequest request) => Delete(objectId, request, state))
            .RequireScope(state, Scopes.SettingsWrite);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, DynatraceState state)
    {
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)) return ErrorEnvelope.Result(error);
        if (body.ValueKind != JsonValueKind.Array || body.GetArrayLength() == 0)
        {
            return ErrorEnvelope.Result(ApiError.Invalid(new ConstraintViolation("", "Expected a non-empty list of settings objects.")));
        }

        var author = BearerAuthorization.AuthorOf(request);
        var validateOnly = IsTrue(request, "validateOnly");
        var items = body.EnumerateArray().Select(item => CreateOne(item, state, author, validateOnly)).ToArray();
        return Results.Json(new JsonArray(items.ToArray<JsonNode?>()), statusCode: BatchStatus(items.Select(i => (int)i["code"]!)));
    }

    private static JsonObject CreateOne(JsonElement item, DynatraceState state, string author, bool validateOnly)
    {
        var created = SettingsObjectCreate.Parse(item).Failed(out var error, out var create)
            ? error
            : state.CreateSettingsObject(create, author, validateOnly);
        if (created.Failed(out error, out var objectId))
        {
            var invalidValue = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var value)
                ? JsonNode.Parse(value.GetRawText())
                : null;
            return new JsonObject { ["code"] = error.Code, ["error"] = ErrorEnvelope.Body(error), ["invalidValue"] = invalidValue };
        }
        var result = new JsonObject { ["code"] = 200 };
        if (objectId is not null) result["objectId"] = objectId;
        return result;
    }

    /// <summary>200 when every item succeeded, 207 when some did, else the items' common code (400 when they differ).</summary>
    private static int BatchStatus(IEnumerable<int> codes)
    {
        var distinct = codes.Distinct().ToArray();
        if (distinct.All(code => code == 200)) return 200;
        if (distinct.Contains(200)) return 207;
        return distinct.Length == 1 ? distinct[0] : 400;
    }

    private static IResult List(HttpRequest request, DynatraceState state)
    {
        if (SettingsListQuery.Parse(request.Query).Failed(out var error, out var query)) return ErrorEnvelope.Result(error);
        var (page, totalCount) = state.ListSettingsObjects(BearerAuthorization.AuthorOf(request), query.Matches, query.Offset, query.PageSize);
        var body = new JsonObject
        {
            ["items"] = new JsonArray(page.Select(o => SettingsObjectJson.Render(o, query.Fields)).ToArray<JsonNode?>()),
            ["totalCount"] = totalCount,
            ["pageSize"] = query.PageSize,
        };
        // A recorded last page has no nextPageKey at all (the docs say null): omitting it is the stricter test of clients.
        if (query.NextPageKey(totalCount) is { } nextPageKey) body["nextPageKey"] = nextPageKey;
        return Results.Json(body);
    }

    private static IResult Get(string objectId, HttpRequest request, DynatraceState state) =>
        state.FindSettingsObject(objectId, BearerAuthorization.AuthorOf(request)) is { } found
            ? Results.Json(SettingsObjectJson.One(found))
            : ErrorEnvelope.Result(ApiError.NotFound($"Settings object {objectId} not found."));

    private static async Task<IResult> UpdateAsync(string objectId, HttpRequest request, DynatraceState state)
    {
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)) return ErrorEnvelope.Result(error);
        var updated = SettingsObjectUpdate.Parse(body).Failed(out error, out var update)
            ? error
            : state.UpdateSettingsObject(objectId, update, BearerAuthorization.AuthorOf(request), IsTrue(request, "validateOnly"));
        return updated.Failed(out error, out _)
            ? ErrorEnvelope.Result(error)
            : Results.Json(new JsonObject { ["code"] = 200, ["objectId"] = objectId });
    }

    private static IResult Delete(string objectId, HttpRequest request, DynatraceState state)
    {
        string? updateToken = request.Query["updateToken"];
        return state.DeleteSettingsObject(objectId, updateToken, BearerAuthorization.AuthorOf(request)) is { } error
            ? ErrorEnvelope.Result(error)
            : Results.NoContent();
    }

    private static bool IsTrue(HttpRequest request, string parameter) =>
        string.Equals(request.Query[parameter], "true", StringComparison.OrdinalIgnoreCase);
}
