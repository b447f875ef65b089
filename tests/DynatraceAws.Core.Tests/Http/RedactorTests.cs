using DynatraceAws.Core.Http;
using Xunit;

namespace DynatraceAws.Core.Tests.Http;

public class RedactorTests
{
    [Theory]
    [InlineData("token dt0s16.ABCDEFGH.IJKLMNOPQRSTUVWX was refused", "dt0s16.ABCDEFGH")]
    [InlineData("Authorization: Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("Authorization: Api-Token secretvalue123", "secretvalue123")]
    [InlineData("X-Amz-Security-Token: FQoGZXIvYXdzEXAMPLE", "FQoGZXIvYXdzEXAMPLE")]
    [InlineData("client_secret=supersecret&grant_type=client_credentials", "supersecret")]
    [InlineData("Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", "5da7c1a2acd57cee")]
    public void Masks_secret_shapes(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(Redactor.Mask, redacted);
    }

    [Fact]
    public void Masks_registered_secrets_wherever_they_appear()
    {
        Redactor.Register("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        Assert.Equal("key=*** and ***", Redactor.Redact("key=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY and wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    [Fact]
    public void Leaves_an_OAuth_client_id_readable_but_masks_a_client_secret() =>
        Assert.Equal("client dt0s02.ABCDEF12 with secret ***", Redactor.Redact("client dt0s02.ABCDEF12 with secret dt0s02.ABCDEF12.XYZSECRET99"));

    [Fact]
    public void Leaves_ordinary_text_alone() =>
        Assert.Equal("Creating AWS connection 'prod' for account 123456789012.", Redactor.Redact("Creating AWS connection 'prod' for account 123456789012."));
}
