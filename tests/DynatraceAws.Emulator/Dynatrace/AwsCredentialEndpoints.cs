using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The classic config v1 AWS credentials API of seed 001, at the SaaS root and under /e/{environment-id}
/// (Managed and Environment ActiveGate), with Api-Token authorization.
/// </summary>
internal static class AwsCredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        MapAt(app.MapGroup("/api/config/v1/aws"), state);
        MapAt(app.MapGroup("/e/{environmentId}/api/config/v1/aws").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues["environmentId"] as string == state.EnvironmentId
                ? await next(context)
                : ErrorEnvelope.Result(ApiError.NotFound("No such environment."))), state);
    }

    private static void MapAt(RouteGroupBuilder aws, DynatraceState state)
    {
        aws.MapGet("/iamExternalId", () => Results.Json(new JsonObject { ["token"] = state.IamExternalId }))
            .RequireApiTokenScope(state, ClassicScopes.ReadConfig);
        aws.MapGet("/credentials", () => List(state)).RequireApiTokenScope(state, ClassicScopes.ReadConfig);
        aws.MapGet("/credentials/{id}", (string id) => state.ReadCredential(id) is { } found
            ? Results.Json(found)
            : ErrorEnvelope.Result(ApiError.NotFound($"AWS credentials {id} not found.")))
            .RequireApiTokenScope(state, ClassicScopes.ReadConfig);
        aws.MapPost("/credentials/validator", (HttpRequest request) => ValidateAsync(request, state))
            .RequireApiTokenScope(state, ClassicScopes.WriteConfig);
        aws.MapPost("/credentials", (HttpRequest request) => CreateAsync(request, state))
            .RequireApiTokenScope(state, ClassicScopes.WriteConfig);
        aws.MapPut("/credentials/{id}", (string id, HttpRequest request) => ReplaceAsync(id, request, state))
            .RequireApiTokenScope(state, ClassicScopes.WriteConfig);
        aws.MapDelete("/credentials/{id}", (string id) => state.DeleteCredential(id)
            ? Results.NoContent()
            : ErrorEnvelope.Result(ApiError.NotFound($"AWS credentials {id} not found.")))
            .RequireApiTokenScope(state, ClassicScopes.WriteConfig);
    }

    /// <summary>
    /// Not paged (the docs give the request no parameters). The docs and the Terraform provider read a
    /// bare array of {id, name}; Monaco reads the StubList {"values": [...]} of other config
    /// v1 lists: <see cref="DynatraceState.CredentialListAsStubList"/> picks one.
    /// </summary>
    private static IResult List(DynatraceState state)
    {
        var entries = new JsonArray(state.ListCredentials()
            .Select(c => (JsonNode?)new JsonObject { ["id"] = c.Id, ["name"] = c.Label, ["description"] = c.Label }).ToArray());
        return Results.Json(state.CredentialListAsStubList ? new JsonObject { ["values"] = entries } : entries);
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, DynatraceState state)
    {
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)) return ErrorEnvelope.Result(error);
        return state.ValidateCredential(body, null) is { } invalid ? ErrorEnvelope.Result(invalid) : Results.NoContent();
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, DynatraceState state)
    {
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)) return ErrorEnvelope.Result(error);
        return state.CreateCredential(body).Failed(out error, out var id)
            ? ErrorEnvelope.Result(error)
            : Results.Json(new JsonObject { ["id"] = id, ["name"] = (string?)JsonNode.Parse(body.GetRawText())?["label"] }, statusCode: 201);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpRequest request, DynatraceState state)
    {
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)) return ErrorEnvelope.Result(error);
        return state.ReplaceCredential(id, body) is { } failed ? ErrorEnvelope.Result(failed) : Results.NoContent();
    }
}
