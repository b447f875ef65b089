using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;
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

    /// <summary>A refreshing credential (an assumed role, SSO): new keys once the old ones expire.</summary>
    public sealed class ForeignRefreshingCredentials
    {
        public int Generation { get; set; } = 1;
        public object GetCredentials() => new { AccessKey = $"ASIAGENERATION{Generation}", SecretKey = $"secret-of-generation-{Generation}", Token = $"token-of-generation-{Generation}" };
    }

    public sealed class ForeignExpiredCredentials
    {
        public bool Expired { get; set; }
        public ForeignImmutableCredentials GetCredentials() => Expired ? throw new InvalidOperationException("The SSO session has expired.") : new();
    }

    /// <summary>Set-AWSCredential's value: named as AWS.Tools names it, and not a type of ours.</summary>
    public sealed class AWSPSCredentials
    {
        internal AWSPSCredentials(object credentials) => Credentials = credentials;
        internal object Credentials { get; }
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

    [Fact]
    public async Task Asks_a_foreign_credential_for_its_keys_at_every_use_so_a_refresh_reaches_the_requests()
    {
        var foreign = new ForeignRefreshingCredentials();
        var source = new SdkCredentialSource(SdkCredentials.Resolve(new AwsCredentialOptions { Credential = foreign }).Credentials);
        Assert.Equal("ASIAGENERATION1", (await source.GetAsync(default)).AccessKeyId);

        foreign.Generation = 2;
        var renewed = await source.GetAsync(default);

        Assert.Equal(("ASIAGENERATION2", "secret-of-generation-2", "token-of-generation-2"), (renewed.AccessKeyId, renewed.SecretAccessKey, renewed.SessionToken));
    }

    [Fact]
    public async Task A_foreign_credential_that_cannot_renew_is_AwsCredentialRefreshFailed_with_its_reason()
    {
        var foreign = new ForeignExpiredCredentials();
        var source = new SdkCredentialSource(SdkCredentials.Resolve(new AwsCredentialOptions { Credential = foreign }).Credentials);
        foreign.Expired = true;

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => source.GetAsync(default));

        Assert.Equal("AwsCredentialRefreshFailed", error.ErrorId);
        Assert.Contains("The SSO session has expired.", error.Message);
    }

    [Fact]
    public async Task Set_AWSCredential_is_used_when_no_parameter_names_credentials()
    {
        var (credentials, source) = SdkCredentials.Resolve(new AwsCredentialOptions { StoredCredential = new AWSPSCredentials(new ForeignAwsCredentials()) });

        Assert.Equal("$StoredAWSCredentials (Set-AWSCredential)", source);
        Assert.Equal("AKIDFOREIGN", (await credentials.GetCredentialsAsync()).AccessKey);
    }

    [Fact]
    public void A_parameter_wins_over_Set_AWSCredential()
    {
        var stored = new AWSPSCredentials(new ForeignAwsCredentials());

        Assert.Equal("-Credential", SdkCredentials.Resolve(new AwsCredentialOptions { Credential = new ForeignPsCredentials(), StoredCredential = stored }).Source);
        Assert.Equal("-AccessKey/-SecretKey", SdkCredentials.Resolve(new AwsCredentialOptions
        {
            AccessKey = "AKIDLITERAL",
            SecretKey = Core.Secrets.SecureStrings.FromPlainText("literal-secret-key"),
            StoredCredential = stored,
        }).Source);
    }

    [Fact]
    public void A_profile_name_wins_over_a_credential_object_as_in_AWS_Tools()
    {
        var profiles = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(profiles, "[named]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret-key\n");

            var (_, source) = SdkCredentials.Resolve(new AwsCredentialOptions { ProfileName = "named", ProfileLocation = profiles, Credential = new ForeignAwsCredentials() });

            Assert.Equal("profile 'named'", source);
        }
        finally
        {
            System.IO.File.Delete(profiles);
        }
    }

    [Fact]
    public void Anything_but_an_AWSPSCredentials_in_StoredAWSCredentials_is_ignored_as_AWS_Tools_ignores_it()
    {
        Assert.False(CredentialBridge.IsStoredToolsCredential(new ForeignAwsCredentials()));
        Assert.False(CredentialBridge.IsStoredToolsCredential("default"));
        Assert.True(CredentialBridge.IsStoredToolsCredential(new AWSPSCredentials(new ForeignAwsCredentials())));
    }
}
