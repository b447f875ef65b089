using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The one place that checks the caller: a known Bearer token that holds the endpoint's scope.</summary>
internal static class BearerAuthorization
{
    /// <param name="scope">null when any known token may call.</param>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, DynatraceState state, string? scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            state.Authorize(TokenOf(context.HttpContext.Request), scope) is { } error
                ? ErrorEnvelope.Result(error)
                : await next(context));

    /// <summary>
    /// Who the settings API records as author: the public part of a token shaped like
    /// dt0s16.PUBLIC.secret, never the secret itself.
    /// </summary>
    public static string AuthorOf(HttpRequest request)
    {
        var parts = (TokenOf(request) ?? "").Split('.');
        return parts.Length >= 3 ? $"{parts[0]}.{parts[1]}" : "emulator-user";
    }

    internal static string? TokenOf(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
