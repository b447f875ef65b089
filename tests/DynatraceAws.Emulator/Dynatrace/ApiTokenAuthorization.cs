using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The caller check of the classic API: a known <c>Api-Token</c> that holds the endpoint's scope.</summary>
internal static class ApiTokenAuthorization
{
    public static TBuilder RequireApiTokenScope<TBuilder>(this TBuilder builder, DynatraceState state, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            state.AuthorizeApiToken(TokenOf(context.HttpContext.Request), scope) is { } error
                ? ErrorEnvelope.Result(error)
                : await next(context));

    private static string? TokenOf(HttpRequest request)
    {
        const string scheme = "Api-Token ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
