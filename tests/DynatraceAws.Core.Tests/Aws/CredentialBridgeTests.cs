using System.Threading.Tasks;
using Amazon.Runtime;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Errors;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws;

/// <summary>
/// An AWS.Tools credential comes from AWS.Tools' own AWSSDK.Core, so its types are not ours: the
/// bridge reads it by member names. These stand-ins have those members and no SDK type.
/// </summary>
public class CredentialBridgeTests
{
    public sealed class ForeignImmutableCredentials
    {
        public string AccessKey => "AKIDFOREIGN";
        public string SecretKey => "foreign-secret-key-value";
        public string Token => "foreign-session-token";
    }

    public sealed class ForeignAwsCredentials
    {
        public ForeignImmutableCredentials GetCredentials() => new();
    }

    /// <summary>AWS.Tools' AWSPSCredentials keeps the SDK credentials in a non-public property.</summary>
    public sealed class ForeignPsCredentials
    {
        internal ForeignAwsCredentials Credentials { get; } = new();
    }

    [Fact]
    public async Task Reads_a_foreign_SDK_credential_by_member_names()
    {
        var (credentials, source) = SdkCredentials.Resolve(new AwsCredentialOptions { Credential = new ForeignAwsCredentials() });
        var keys = await credentials.GetCredentialsAsync();
        Assert.Equal("-Credential", source);
        Assert.Equal(("AKIDFOREIGN", "foreign-secret-key-value", "foreign-session-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
    }

    [Fact]
    public async Task Unwraps_an_AWS_Tools_AWSPSCredentials()
    {
        var (credentials, _) = SdkCredentials.Resolve(new AwsCredentialOptions { Credential = new ForeignPsCredentials() });
        Assert.Equal("AKIDFOREIGN", (await credentials.GetCredentialsAsync()).AccessKey);
    }

    [Fact]
    public void Uses_our_own_SDK_credentials_as_they_are()
    {
        var ours = new BasicAWSCredentials("AKIDOURS", "our-secret-key-value");
        Assert.Same(ours, SdkCredentials.Resolve(new AwsCredentialOptions { Credential = ours }).Credentials);
    }

    [Fact]
    public void Anything_else_is_UnsupportedCredential_naming_the_field()
    {
        var error = Assert.Throws<InvalidInputException>(() => SdkCredentials.Resolve(new AwsCredentialOptions { Credential = "not a credential" }));
        Assert.Equal("UnsupportedCredential", error.ErrorId);
        Assert.Equal("Credential", error.Field);
    }

    [Fact]
    public void Literal_keys_win_and_need_both_halves()
    {
        var error = Assert.Throws<InvalidInputException>(() => SdkCredentials.Resolve(new AwsCredentialOptions { AccessKey = "AKIDONLY" }));
        Assert.Equal("SecretKey", error.Field);
    }

    [Fact]
    public void A_named_profile_that_does_not_exist_is_AwsProfileNotFound()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            SdkCredentials.Resolve(new AwsCredentialOptions { ProfileName = "no-such-profile", ProfileLocation = System.IO.Path.GetTempFileName() }));
        Assert.Equal("AwsProfileNotFound", error.ErrorId);
    }
}
