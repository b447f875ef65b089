namespace DynatraceAws.Emulator.Aws;

/// <summary>The emulated AWS accounts: IAM policies and roles, access keys, and what STS can assume.</summary>
public sealed class AwsState : IRoleAssumption
{
    private readonly EmulatorOptions _options;

    public AwsState(EmulatorOptions options) => _options = options;

    public string? WhyNotAssumable(string roleArn, string trustedPrincipalArn, string externalId) =>
        $"Role {roleArn} can not be assumed with externalId {externalId}";
}
