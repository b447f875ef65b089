using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>/iam/v1/repo/{levelType}/{levelId}/policies and …/bindings, as dynatrace-api.md section 5 lists them.</summary>
internal static class AccountPolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        string[] read = [AccountScopes.PoliciesManagement, AccountScopes.PoliciesRead];
        string[] write = [AccountScopes.PoliciesManagement, AccountScopes.PoliciesWrite];
        var policies = app.MapGroup("/iam/v1/repo/{levelType}/{levelId}/policies");
        policies.MapGet("", (string levelType, string levelId) => Results.Json(new JsonObject
        {
            ["policies"] = new JsonArray(state.ListPolicies(levelType, levelId, false).Select(p => (JsonNode)AccountIamJson.Overview(p, false)).ToArray()),
        })).RequireAnyScope(state, read);
        policies.MapGet("/aggregate", (string levelType, string levelId) => Results.Json(new JsonObject
        {
            ["policyOverviewList"] = new JsonArray(state.ListPolicies(levelType, levelId, true).Select(p => (JsonNode)AccountIamJson.Overview(p, true)).ToArray()),
        })).RequireAnyScope(state, read);
        policies.MapGet("/{policyUuid}", (string levelType, string levelId, string policyUuid) =>
            AccountErrors.Result(state.GetPolicy(levelType, levelId, policyUuid), p => Results.Json(AccountIamJson.Render(p)))).RequireAnyScope(state, read);
        policies.MapPost("", async (string levelType, string levelId, HttpRequest request) =>
        {
            if ((await ReadPolicyAsync(request)).Failed(out var error, out var body)) return AccountErrors.Result(error);
            return AccountErrors.Result(state.CreatePolicy(levelType, levelId, body), p => Results.Json(AccountIamJson.Render(p), statusCode: 201));
        }).RequireAnyScope(state, write);
        policies.MapPut("/{policyUuid}", async (string levelType, string levelId, string policyUuid, HttpRequest request) =>
        {
            if ((await ReadPolicyAsync(request)).Failed(out var error, out var body)) return AccountErrors.Result(error);
            return AccountErrors.Result(state.UpsertPolicy(levelType, levelId, policyUuid, body),
                r => r.Created ? Results.Json(AccountIamJson.Render(r.Policy), statusCode: 201) : Results.NoContent());
        }).RequireAnyScope(state, write);
        policies.MapDelete("/{policyUuid}", (string levelType, string levelId, string policyUuid, bool? force) =>
            state.DeletePolicy(levelType, levelId, policyUuid, force == true) is { } error ? AccountErrors.Result(error) : Results.NoContent())
            .RequireAnyScope(state, write);

        AccountBindingEndpoints.Map(app, state);
    }

    private static async Task<Outcome<PolicyBody>> ReadPolicyAsync(HttpRequest request) =>
        (await RequestJson.ReadAsync(request)).Failed(out var error, out var json) ? error : AccountIamJson.Policy(json);
}
