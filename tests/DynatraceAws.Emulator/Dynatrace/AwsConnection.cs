namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>An AWS connection settings object, as tests inspect it.</summary>
public sealed record AwsConnection(string ObjectId, string Name, string RoleArn, string Type);
