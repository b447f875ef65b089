using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Dynatrace;

namespace DynatraceAws.Core.Tests.Classic;

/// <summary>An emulator reached the Managed way, at /e/{environment-id}, with an Api-Token.</summary>
public abstract class ClassicEmulatorTest : EmulatorTest
{
    protected DynatraceEnvironment ConnectClassic(string token = DynatraceState.LocalApiToken) =>
        DynatraceEnvironment.WithApiToken($"{Emulator.BaseUrl}e/abc12345", Secure(token));

    protected AwsCredentials Credentials(DynatraceEnvironment? environment = null) =>
        new(environment ?? ConnectClassic(), Log, Retry);

    protected static AwsCredentialSpec RoleSpec(string label = "aws-prod", string account = "210987654321") => new()
    {
        Label = label, AccountId = account,
    };
}
