namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A da-aws monitoring configuration, as tests inspect it. <see cref="ValueJson"/> is the stored value.</summary>
public sealed record MonitoringConfiguration(string ObjectId, string AccountId, string ConnectionId, string ValueJson);
