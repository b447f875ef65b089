using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A failed request, before <see cref="ErrorEnvelope"/> renders it.</summary>
internal sealed record ApiError(int Code, string Message, IReadOnlyList<ConstraintViolation> Violations, JsonObject? Details = null)
{
    public const string ConstraintsViolated = "Constraints violated.";

    public static ApiError Invalid(params ConstraintViolation[] violations) => new(400, ConstraintsViolated, violations);

    public static ApiError Invalid(IReadOnlyList<ConstraintViolation> violations) => new(400, ConstraintsViolated, violations);

    public static ApiError NotFound(string message) => new(404, message, []);

    public static ApiError Conflict(string message) => new(409, message, []);
}
