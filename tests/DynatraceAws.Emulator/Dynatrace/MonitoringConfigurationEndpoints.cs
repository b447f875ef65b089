using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>Platform Extensions 2.0 monitoring configurations; every route answers 404 while the extension is not installed.</summary>
internal static class MonitoringConfigurationEndpoints
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 500;

    public static void Map(IEndpointRouteBuilder app, DynatraceState state)
    {
        var configurations = app.MapGroup("/platform/extensions/v2/extensions/{extensionName}/monitoring-configurations");
        configurations.MapPost("", (string extensionName, HttpRequest request) => CreateAsync(extensionName, request, state))
            .RequireScope(state, Scopes.ConfigurationsWrite);
        configurations.MapGet("", (string extensionName, HttpRequest request) => List(extensionName, request, state))
            .RequireScope(state, Scopes.ConfigurationsRead);
        configurations.MapGet("/{objectId}", (string extensionName, string objectId) => Get(extensionName, objectId, state))
            .RequireScope(state, Scopes.ConfigurationsRead);
        configurations.MapPut("/{objectId}", (string extensionName, string objectId, HttpRequest request) => UpdateAsync(extensionName, objectId, request, state))
            .RequireScope(state, Scopes.ConfigurationsWrite);
        configurations.MapDelete("/{objectId}", (string extensionName, string objectId) => Delete(extensionName, objectId, state))
            .RequireScope(state, Scopes.ConfigurationsWrite);
        configurations.MapGet("/{objectId}/status", (string extensionName, string objectId) => Status(extensionName, objectId, state))
            .RequireScope(state, Scopes.ConfigurationsRead);
    }

    private static async Task<IResult> CreateAsync(string extensionName, HttpRequest request, DynatraceState state)
    {
        if (state.RequireExtension(extensionName) is { } notInstalled) return ErrorEnvelope.Result(notInstalled);
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)
            || MonitoringConfigurationRules.ParseCreate(body).Failed(out error, out var value)
            || state.CreateMonitoringConfiguration(extensionName, value, BearerAuthorization.AuthorOf(request)).Failed(out error, out var objectId))
        {
            return ErrorEnvelope.Result(error);
        }
        return Results.Json(new JsonObject { ["objectId"] = objectId, ["code"] = 201 }, statusCode: 201);
    }

    private static IResult List(string extensionName, HttpRequest request, DynatraceState state)
    {
        if (state.ListMonitoringConfigurations(extensionName).Failed(out var error, out var all)
            || CursorPage.Parse(request.Query, state.PageParameters.Extensions(DefaultPageSize, MaxPageSize)).Failed(out error, out var page))
        {
            return ErrorEnvelope.Result(error);
        }
        if (page.Parameter("filter") is not null)
        {
            return ErrorEnvelope.Result(ApiError.Invalid(ConstraintViolation.InQuery("filter", "The emulator does not filter monitoring configurations.")));
        }
        return PagedList.Result(all.Select(Item), all.Count, page);
    }

    private static IResult Get(string extensionName, string objectId, DynatraceState state)
    {
        if (state.GetMonitoringConfiguration(extensionName, objectId).Failed(out var error, out var found)) return ErrorEnvelope.Result(error);
        var body = Item(found);
        body["modificationInfo"] = new JsonObject
        {
            ["createdBy"] = found.CreatedBy,
            ["createdTime"] = Timestamp(found.Created),
            ["lastModifiedBy"] = found.ModifiedBy,
            ["lastModifiedTime"] = Timestamp(found.Modified),
        };
        return Results.Json(body);
    }

    private static async Task<IResult> UpdateAsync(string extensionName, string objectId, HttpRequest request, DynatraceState state)
    {
        if (state.RequireExtension(extensionName) is { } notInstalled) return ErrorEnvelope.Result(notInstalled);
        if ((await RequestJson.ReadAsync(request)).Failed(out var error, out var body)
            || MonitoringConfigurationRules.ParseUpdate(body).Failed(out error, out var value)
            || state.UpdateMonitoringConfiguration(extensionName, objectId, value, BearerAuthorization.AuthorOf(request)).Failed(out error, out _))
        {
            return ErrorEnvelope.Result(error);
        }
        return Results.Json(new JsonObject { ["objectId"] = objectId, ["code"] = 200 });
    }

    private static IResult Delete(string extensionName, string objectId, DynatraceState state) =>
        state.DeleteMonitoringConfiguration(extensionName, objectId) is { } error ? ErrorEnvelope.Result(error) : Results.NoContent();

    private static IResult Status(string extensionName, string objectId, DynatraceState state) =>
        state.MonitoringConfigurationStatus(extensionName, objectId).Failed(out var error, out var status)
            ? ErrorEnvelope.Result(error)
            : Results.Json(new JsonObject { ["status"] = status, ["timestamp"] = Timestamp(DateTimeOffset.UtcNow) });

    private static JsonObject Item(MonitoringConfigurationObject configuration) => new()
    {
        ["objectId"] = configuration.ObjectId,
        ["scope"] = configuration.Scope,
        ["value"] = JsonNode.Parse(configuration.Value.GetRawText()),
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
