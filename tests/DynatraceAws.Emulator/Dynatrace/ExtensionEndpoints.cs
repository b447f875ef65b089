using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>Platform Extensions 2.0: list installed extensions, list an extension's versions, install from the hub.</summary>
internal static class ExtensionEndpoints
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        var extensions = app.MapGroup("/platform/extensions/v2/extensions");
        extensions.MapGet("", (HttpRequest request) => List(request, state)).RequireScope(state, Scopes.ExtensionsRead);
        extensions.MapGet("/{extensionName}", (string extensionName, HttpRequest request) => Versions(extensionName, request, state))
            .RequireScope(state, Scopes.ExtensionsRead);
        extensions.MapPost("/{extensionName}", (string extensionName, string? version) => Install(extensionName, version, state))
            .RequireScope(state, Scopes.ExtensionsWrite);
        extensions.MapGet("/{extensionName}/{version}/schema", (string extensionName, string version) => Schema(extensionName, version, state))
            .RequireScope(state, Scopes.ExtensionsRead);
    }

    /// <summary>The parts of a version's schema a client reads: the enums of feature sets and regions (as dtctl reads them).</summary>
    private static IResult Schema(string extensionName, string version, DynatraceState state)
    {
        if (state.FindExtension(extensionName) is not { } extension || !extension.Versions.Contains(version))
        {
            return ErrorEnvelope.Result(DynatraceState.ExtensionNotInstalled(extensionName));
        }
        static JsonObject Enum(IEnumerable<string> values) =>
            new() { ["items"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["value"] = v }).ToArray()) };
        return Results.Json(new JsonObject
        {
            ["enums"] = new JsonObject
            {
                ["FeatureSetsType"] = Enum(DaAwsCatalogue.FeatureSets.Order()),
                ["dynatrace.datasource.aws:region"] = Enum(DaAwsCatalogue.Regions.Order()),
            },
        });
    }

    private static IResult List(HttpRequest request, DynatraceState state)
    {
        if (CursorPage.Parse(request.Query, state.PageParameters.Extensions(DefaultPageSize, MaxPageSize)).Failed(out var error, out var page)
            || ExtensionListFilter.Parse(page).Failed(out error, out var filter))
        {
            return ErrorEnvelope.Result(error);
        }
        var matching = state.Extensions.Where(filter.Matches).ToArray();
        var items = matching.Select(extension =>
        {
            var item = new JsonObject { ["extensionName"] = extension.Name, ["version"] = extension.LatestVersion };
            if (filter.WithActiveVersion) item["activeVersion"] = extension.ActiveVersion;
            return item;
        });
        return PagedList.Result(items, matching.Length, page);
    }

    private static IResult Versions(string extensionName, HttpRequest request, DynatraceState state)
    {
        if (CursorPage.Parse(request.Query, state.PageParameters.Extensions(DefaultPageSize, MaxPageSize)).Failed(out var error, out var page)) return ErrorEnvelope.Result(error);
        if (state.FindExtension(extensionName) is not { } extension) return ErrorEnvelope.Result(DynatraceState.ExtensionNotInstalled(extensionName));
        var items = extension.Versions.Select(version => new JsonObject
        {
            ["version"] = version,
            ["extensionName"] = extension.Name,
            ["active"] = version == extension.ActiveVersion,
        });
        return PagedList.Result(items, extension.Versions.Count, page);
    }

    private static IResult Install(string extensionName, string? version, DynatraceState state) =>
        state.InstallFromHub(extensionName, version).Failed(out var error, out var installed)
            ? ErrorEnvelope.Result(error)
            : Results.Json(new JsonObject { ["extensionName"] = installed.Name, ["version"] = installed.ActiveVersion }, statusCode: 202);
}
