using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Core.Tests.Classic;

/// <summary>An emulator reached with an Api-Token, the Managed way at /e/{environment-id} or the classic SaaS way at its root.</summary>
public abstract class ClassicEmulatorTest : EmulatorTest
{
    /// <summary>The AWS account a Managed cluster's ActiveGate runs in, from which the emulator is told to assume roles.</summary>
    protected const string ActiveGateAccount = "111122223333";

    protected DynatraceEnvironment ConnectClassic(string token = DynatraceState.LocalApiToken) =>
        DynatraceEnvironment.WithApiToken($"{Emulator.BaseUrl}e/abc12345", Secure(token));

    protected DynatraceEnvironment ConnectClassicSaaS() =>
        DynatraceEnvironment.WithApiToken(Emulator.BaseUrl.ToString(), Secure(DynatraceState.LocalApiToken));

    protected AwsCredentials Credentials(DynatraceEnvironment? environment = null) =>
        new(environment ?? ConnectClassic(), Log, Retry);

    protected static AwsCredentialSpec RoleSpec(string label = "aws-prod", string account = "210987654321") => new()
    {
        Label = label, AccountId = account,
    };
}
