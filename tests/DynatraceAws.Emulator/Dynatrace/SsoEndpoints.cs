using System;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>POST /sso/oauth2/token: the client credentials grant of Dynatrace SSO, with RFC 6749 errors.</summary>
internal static class SsoEndpoints
{
    public static void Map(WebApplication app, DynatraceState state) =>
        app.MapPost(DynatraceState.TokenPath, async (HttpRequest request) =>
        {
            if (!request.HasFormContentType)
                return Error(400, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials")
                return Error(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
            var resource = form["resource"].ToString();
            if (resource.Length > 0 && !resource.StartsWith("urn:dtenvironment:", StringComparison.Ordinal)
                && !resource.StartsWith("urn:dtaccount:", StringComparison.Ordinal))
                return Error(400, "invalid_request", $"Unknown resource {resource}.");

            var grant = state.Grant(form["client_id"], form["client_secret"], form["scope"]);
            if (grant.Error is not null) return Error(grant.Status, grant.Error, grant.Description!);
            var body = new JsonObject
            {
                ["token_type"] = "Bearer",
                ["access_token"] = grant.AccessToken,
                ["expires_in"] = grant.ExpiresIn,
                ["scope"] = grant.Scope,
            };
            if (resource.Length > 0) body["resource"] = resource;
            return Results.Json(body);
        });

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
