using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator;

/// <summary>
/// Lets a test in another process (a Pester spec) or a person at a prompt see what the emulator
/// received, and start over. Not part of any emulated API.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(WebApplication app, RequestLog log)
    {
        app.MapGet(Prefix + "/requests", () => Results.Json(log.Entries.Select(e => new
        {
            e.Service, e.Method, e.Path, e.Operation, e.Status, e.IsWrite,
        })));
        app.MapDelete(Prefix + "/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
