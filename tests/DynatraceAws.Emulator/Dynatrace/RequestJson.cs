using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>Reads a request body as JSON, answering 415 or 400 as the real APIs do when it is not.</summary>
internal static class RequestJson
{
    public static async Task<Outcome<JsonElement>> ReadAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return new ApiError(415, "Unsupported Media Type: send Content-Type: application/json.", []);
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return ApiError.Invalid(new ConstraintViolation("", $"The request body is not valid JSON: {e.Message}"));
        }
    }
}
