namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>One rule a request broke, as the Dynatrace error envelope lists it.</summary>
internal sealed record ConstraintViolation(string Path, string Message, string ParameterLocation = "PAYLOAD_BODY")
{
    public static ConstraintViolation InQuery(string parameter, string message) => new(parameter, message, "QUERY");
}
