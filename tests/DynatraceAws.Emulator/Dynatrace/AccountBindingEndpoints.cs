using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>/iam/v1/repo/{levelType}/{levelId}/bindings: list, append per policy, per group read and replace, delete one.</summary>
internal static class AccountBindingEndpoints
{
    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        string[] read = [AccountScopes.PoliciesManagement, AccountScopes.BindingsRead];
        string[] write = [AccountScopes.PoliciesManagement, AccountScopes.BindingsWrite];
        var bindings = app.MapGroup("/iam/v1/repo/{levelType}/{levelId}/bindings");
        bindings.MapGet("", (string levelType, string levelId) =>
            Results.Json(AccountIamJson.Bindings(levelType, levelId, state.ListBindings(levelType, levelId, null)))).RequireAnyScope(state, read);
        bindings.MapGet("/{policyUuid}", (string levelType, string levelId, string policyUuid) =>
            Results.Json(AccountIamJson.Bindings(levelType, levelId, state.ListBindings(levelType, levelId, policyUuid)))).RequireAnyScope(state, read);
        bindings.MapPost("/{policyUuid}", async (string levelType, string levelId, string policyUuid, HttpRequest request) =>
        {
            if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var json)) return AccountErrors.Result(error);
            if (AccountIamJson.Strings(json, "groups", true).Failed(out error, out var groups)) return AccountErrors.Result(error);
            if (AccountIamJson.Strings(json, "boundaries", false).Failed(out error, out var boundaries)) return AccountErrors.Result(error);
            return state.AppendBindings(levelType, levelId, policyUuid, groups, boundaries) is { } failed ? AccountErrors.Result(failed) : Results.NoContent();
        }).RequireAnyScope(state, write);
        bindings.MapGet("/groups/{groupUuid}", (string levelType, string levelId, string groupUuid) => Results.Json(new JsonObject
        {
            ["policyUuids"] = new JsonArray(state.PoliciesOfGroup(levelType, levelId, groupUuid).Select(p => (JsonNode)p).ToArray()),
        })).RequireAnyScope(state, read);
        bindings.MapPut("/groups/{groupUuid}", async (string levelType, string levelId, string groupUuid, HttpRequest request) =>
        {
            if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var json)) return AccountErrors.Result(error);
            if (AccountIamJson.Strings(json, "policyUuids", true).Failed(out error, out var policies)) return AccountErrors.Result(error);
            return state.ReplaceGroupBindings(levelType, levelId, groupUuid, policies) is { } failed ? AccountErrors.Result(failed) : Results.NoContent();
        }).RequireAnyScope(state, write);
        // forceMultiple is a required parameter in the contract.
        bindings.MapDelete("/{policyUuid}/{groupUuid}", (string levelType, string levelId, string policyUuid, string groupUuid, bool? forceMultiple) =>
            forceMultiple is null
                ? AccountErrors.Result(new ApiError(400, "Required parameter 'forceMultiple' is not present.", [new("forceMultiple", "is required")]))
                : state.DeleteBinding(levelType, levelId, policyUuid, groupUuid) is { } error ? AccountErrors.Result(error) : Results.NoContent())
            .RequireAnyScope(state, write);
    }
}
