using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>/iam/v1/accounts/{accountUuid}/groups, /service-users and /platform-tokens.</summary>
internal static class AccountIdentityEndpoints
{
    private const int DefaultTokenPageSize = 10;
    private const int MaxTokenPageSize = 100;

    private static readonly CursorPaging ServiceUserPaging = new(PageParameters.PageKey, null, false, 20, 1000);

    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        var account = app.MapGroup("/iam/v1/accounts/{accountUuid}");
        account.MapGet("/groups", () =>
        {
            var groups = state.ListGroups();
            return Results.Json(new JsonObject { ["count"] = groups.Length, ["items"] = new JsonArray(groups.Select(g => (JsonNode)AccountIamJson.Group(g)).ToArray()) });
        }).RequireAnyScope(state, AccountScopes.IdentitiesRead);
        account.MapPost("/groups", async (HttpRequest request) =>
        {
            if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var json)) return AccountErrors.Result(error);
            if (json.ValueKind != JsonValueKind.Array || json.EnumerateArray().Any(g => !g.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String))
                return AccountErrors.Result(new ApiError(400, "Expected a list of groups, each with a name.", [new("name", "is required")]));
            var groups = json.EnumerateArray().Select(g => new GroupRequest(g.GetProperty("name").GetString()!,
                g.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "",
                g.TryGetProperty("federatedAttributeValues", out var f) && f.ValueKind == JsonValueKind.Array
                    ? f.EnumerateArray().Select(v => v.GetString() ?? "").ToArray()
                    : null)).ToArray();
            return AccountErrors.Result(state.CreateGroups(groups),
                created => Results.Json(new JsonArray(created.Select(g => (JsonNode)AccountIamJson.Group(g)).ToArray()), statusCode: 201));
        }).RequireAnyScope(state, AccountScopes.IdentitiesWrite);

        account.MapGet("/service-users", (HttpRequest request) => ServiceUsers(request, state)).RequireAnyScope(state, AccountScopes.IdentitiesRead);
        account.MapGet("/service-users/{uid}", (string uid) => state.ListServiceUsers().FirstOrDefault(u => u.Uid == uid) is { } user
            ? Results.Json(AccountIamJson.ServiceUser(user, true))
            : AccountErrors.Result(new ApiError(404, $"Service user {uid} not found.", []))).RequireAnyScope(state, AccountScopes.IdentitiesRead);
        account.MapPost("/service-users", async (HttpRequest request) =>
        {
            if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var json)) return AccountErrors.Result(error);
            var violations = new List<ConstraintViolation>();
            var name = JsonRules.IsObject(json, "", violations) ? JsonRules.RequiredString(json, "name", "", violations) : null;
            var description = violations.Count == 0 ? JsonRules.OptionalString(json, "description", "", violations) : null;
            if (violations.Count > 0 || string.IsNullOrEmpty(name)) return AccountErrors.Result(new ApiError(400, "A service user needs a name.", violations));
            return Results.Json(AccountIamJson.ServiceUser(state.CreateServiceUser(name, description ?? ""), true), statusCode: 201);
        }).RequireAnyScope(state, AccountScopes.IdentitiesWrite);

        account.MapGet("/platform-tokens", (HttpRequest request) => PlatformTokens(request, state))
            .RequireAnyScope(state, () => PlatformTokenScopeReading.ToList(state.PlatformTokenScopes));
        account.MapPost("/platform-tokens", async (HttpRequest request) =>
        {
            if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var json)) return AccountErrors.Result(error);
            if (TokenRequest(json).Failed(out error, out var token)) return AccountErrors.Result(error);
            return AccountErrors.Result(state.CreatePlatformToken(token.Name, token.Scope, token.Resource, token.ExpirationDate, token.UserUuid),
                created => Results.Json(new JsonObject { ["name"] = created.Record.Name, ["tokenId"] = created.Record.TokenId, ["token"] = created.Secret }));
        }).RequireAnyScope(state, () => PlatformTokenScopeReading.ToCreate(state.PlatformTokenScopes));
        account.MapDelete("/platform-tokens/{tokenId}", (string tokenId) =>
            state.DeletePlatformToken(tokenId) is { } error ? AccountErrors.Result(error) : Results.Ok())
            .RequireAnyScope(state, () => PlatformTokenScopeReading.ToDelete(state.PlatformTokenScopes));
    }

    /// <summary>Paged by page-key and page-size (the contract); the default page size is the emulator's guess, no source gives one.</summary>
    private static IResult ServiceUsers(HttpRequest request, DynatraceState state)
    {
        if (CursorPage.Parse(request.Query, ServiceUserPaging).Failed(out var error, out var page)) return AccountErrors.Result(error);
        if (page.Query.Keys.FirstOrDefault() is { } unsupported)
            return AccountErrors.Result(new ApiError(400, $"The emulator does not support the query parameter {unsupported}.", [new(unsupported, "is not supported")]));
        var users = state.ListServiceUsers();
        return PagedList.Result(users.Select(u => AccountIamJson.ServiceUser(u, false)), users.Length, page, "results");
    }

    /// <summary>
    /// Numbered pages from 0 (docs: page and size; dtctl: pageNumber and pageSize, see <see cref="PageParameters"/>),
    /// answered as {pageSize, pageNumber, total, results}. A parameter of the other spelling is ignored.
    /// </summary>
    private static IResult PlatformTokens(HttpRequest request, DynatraceState state)
    {
        var names = state.PageParameters;
        if (!Number(request.Query, names.PlatformTokenPage, 0, 0, int.MaxValue, out var number))
            return AccountErrors.Result(new ApiError(400, $"{names.PlatformTokenPage} must be a number from 0.", [new(names.PlatformTokenPage, "is invalid")]));
        if (!Number(request.Query, names.PlatformTokenPageSize, DefaultTokenPageSize, 1, MaxTokenPageSize, out var size))
            return AccountErrors.Result(new ApiError(400, $"{names.PlatformTokenPageSize} must be between 1 and {MaxTokenPageSize}.",
                [new(names.PlatformTokenPageSize, "is invalid")]));
        var tokens = state.ListPlatformTokens();
        return Results.Json(new JsonObject
        {
            ["pageSize"] = size,
            ["pageNumber"] = number,
            ["total"] = tokens.Length,
            ["results"] = new JsonArray(tokens.Skip(number * size).Take(size).Select(t => (JsonNode)AccountIamJson.PlatformToken(t)).ToArray()),
        });
    }

    private static bool Number(IQueryCollection query, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (!query.TryGetValue(name, out var text)) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>Every field is required, as in the API spec.</summary>
    private static Outcome<PlatformTokenRecord> TokenRequest(JsonElement json)
    {
        var violations = new List<ConstraintViolation>();
        if (!JsonRules.IsObject(json, "", violations)) return new ApiError(400, "Expected an object.", violations);
        var name = JsonRules.RequiredString(json, "name", "", violations);
        var scope = JsonRules.RequiredStrings(json, "scope", "", violations);
        var resource = JsonRules.RequiredStrings(json, "resource", "", violations);
        JsonRules.RequiredStrings(json, "tags", "", violations);
        var expiration = JsonRules.RequiredString(json, "expirationDate", "", violations);
        var user = JsonRules.RequiredString(json, "userUuid", "", violations);
        DateTimeOffset expires = default;
        if (expiration is not null && !DateTimeOffset.TryParse(expiration, out expires)) violations.Add(new("expirationDate", "is not an ISO date-time"));
        if (scope is { Count: 0 }) violations.Add(new("scope", "must name at least one scope"));
        if (violations.Count > 0) return new ApiError(400, "The platform token request is invalid.", violations);
        return new PlatformTokenRecord("", name!, scope!, resource!, expires, user!);
    }
}
