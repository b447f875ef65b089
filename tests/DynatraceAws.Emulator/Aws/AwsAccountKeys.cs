namespace DynatraceAws.Emulator.Aws;

/// <summary>
/// The long-term keys of an emulated account; they sign as the account root. Deterministic, and
/// shaped so that no secret scanner mistakes them for real AWS keys.
/// </summary>
public sealed record AwsAccountKeys(string AccountId, string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"{AccountId} ({AccessKeyId})";
}
