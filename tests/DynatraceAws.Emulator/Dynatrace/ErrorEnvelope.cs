using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The one place that renders errors: {"error":{"code","message","constraintViolations"?,"details"?}}.</summary>
internal static class ErrorEnvelope
{
    public static IResult Result(ApiError error) =>
        Results.Json(new JsonObject { ["error"] = Body(error) }, statusCode: error.Code);

    /// <summary>The inner error object, which a settings POST also embeds per failed item.</summary>
    public static JsonObject Body(ApiError error)
    {
        var body = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        if (error.Violations.Count > 0)
        {
            body["constraintViolations"] = new JsonArray(error.Violations.Select(Violation).ToArray<JsonNode?>());
        }
        if (error.Details is not null)
        {
            body["details"] = error.Details.DeepClone();
        }
        return body;
    }

    private static JsonObject Violation(ConstraintViolation violation) => new()
    {
        ["path"] = violation.Path,
        ["message"] = violation.Message,
        ["parameterLocation"] = violation.ParameterLocation,
        ["location"] = null,
    };
}
