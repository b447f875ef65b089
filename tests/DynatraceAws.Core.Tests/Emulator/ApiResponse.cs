using System.Linq;
using System.Net;
using System.Text.Json;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>A response as the tests look at it: status, content type and the parsed body (Undefined when empty).</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, JsonElement Body)
{
    public string ErrorMessage => Body.GetProperty("error").GetProperty("message").GetString()!;

    /// <summary>The constraint violation messages of an envelope, or of the first item of a settings POST result; none on success.</summary>
    public string[] ViolationMessages
    {
        get
        {
            var errorHolder = Body.ValueKind == JsonValueKind.Array ? Body[0] : Body;
            return errorHolder.TryGetProperty("error", out var error) && error.TryGetProperty("constraintViolations", out var violations)
                ? violations.EnumerateArray().Select(v => v.GetProperty("message").GetString()!).ToArray()
                : [];
        }
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
