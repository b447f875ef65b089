using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The account management API's error body, {"code","message","errorsMap"} with no "error" wrapper,
/// and the one check of its callers: a known token holding any of the endpoint's scopes.
/// </summary>
internal static class AccountErrors
{
    public static IResult Result(ApiError error) => Results.Json(new JsonObject
    {
        ["code"] = error.Code,
        ["message"] = error.Message,
        ["errorsMap"] = new JsonObject(error.Violations.Select(v => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(v.Path, v.Message))),
    }, statusCode: error.Code);

    public static IResult Result<T>(Outcome<T> outcome, System.Func<T, IResult> success) =>
        outcome.Failed(out var error, out var value) ? Result(error) : success(value);

    public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, DynatraceState state, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAnyScope(state, () => scopes);

    /// <param name="scopes">Asked on each request, for rules a test can change.</param>
    public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, DynatraceState state, System.Func<string[]> scopes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            state.AuthorizeAny(BearerAuthorization.TokenOf(context.HttpContext.Request), scopes()) is { } error ? Result(error) : await next(context));
}
