namespace DynatraceAws.Emulator;

/// <summary>
/// How the Dynatrace side asks the AWS side whether Dynatrace could assume a role right now, as
/// the real service does with sts:AssumeRole when a roleArn is written to an AWS connection.
/// </summary>
public interface IRoleAssumption
{
    /// <returns>null when assumable; otherwise the reason, worded as the AWS STS error would be.</returns>
    string? WhyNotAssumable(string roleArn, string trustedPrincipalArn, string externalId);
}
