using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Tests.Aws.Signing;
using DynatraceAws.Emulator.Aws.Signing;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>
/// The emulator's own SigV4 check (<see cref="CanonicalRequest"/>, <see cref="Signature"/>) against
/// the official suite: each vector's signed request as sent, its canonical request and signature
/// recomputed from what arrived. So the judge of the module's signatures is itself judged by the
/// suite, apart from the SDK signer the module uses.
/// </summary>
public sealed class SignatureVerifierVectorTests
{
    public static IEnumerable<object[]> NormalizedVectors() =>
        SigV4Vector.AllNames().Where(n => SigV4Vector.Load(n).Normalize).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(NormalizedVectors))]
    public void Recomputes_the_vector_signature_from_the_request_as_sent(string name)
    {
        var vector = SigV4Vector.Load(name);
        var sent = vector.Signed;
        var authorization = AuthorizationHeader.Parse(sent.Values("Authorization").Single());

        var canonical = CanonicalRequest.Build(sent.Method, sent.Target, authorization.SignedHeaders, sent.Values, sent.Body ?? []);
        var signature = Signature.Compute(vector.Credentials.SecretAccessKey, authorization, sent.Values("X-Amz-Date").Single(), canonical);

        Assert.Equal(vector.ExpectedCanonicalRequest, canonical);
        Assert.Equal(vector.ExpectedSignature, signature);
        Assert.Equal(authorization.Signature, signature);
    }

    /// <summary>IAM, STS and Organizations normalize paths, as the emulator does; normalize=false is S3's way.</summary>
    [Fact]
    public void Only_the_S3_style_vectors_are_left_out()
    {
        var leftOut = SigV4Vector.AllNames().Where(n => !SigV4Vector.Load(n).Normalize).ToArray();

        Assert.Equal(31, NormalizedVectors().Count());
        Assert.All(leftOut, name => Assert.EndsWith("-unnormalized", name));
    }
}
