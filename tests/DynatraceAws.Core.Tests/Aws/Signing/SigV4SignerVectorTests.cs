using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Signing;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Core.Tests.Aws.Signing
{
    /// <summary>
    /// The official SigV4 suite (shared/contracts/aws/sigv4), header signing. The query-* files
    /// (presigned URLs) are not used: the signer only signs in the Authorization header.
    /// </summary>
    public class SigV4SignerVectorTests
    {
        private const string Unnormalized =
            "normalize=false: S3-style paths, signed without resolving dot segments or empty segments; IAM and STS " +
            "normalize paths, and the signer has no S3 mode.";

        private const string UnsignedToken =
            "omit_session_token=true: the token is added after signing, unsigned; the signer always signs " +
            "X-Amz-Security-Token (post-sts-header-before and get-vanilla-with-session-token cover it).";

        private static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
        {
            ["get-relative-relative-unnormalized"] = Unnormalized,
            ["get-relative-unnormalized"] = Unnormalized,
            ["get-slash-dot-slash-unnormalized"] = Unnormalized,
            ["get-slash-pointless-dot-unnormalized"] = Unnormalized,
            ["get-slash-unnormalized"] = Unnormalized,
            ["get-slashes-unnormalized"] = Unnormalized,
            ["get-space-unnormalized"] = Unnormalized,
            ["post-sts-header-after"] = UnsignedToken,
        };

        private readonly ITestOutputHelper _output;

        public SigV4SignerVectorTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> SignedVectors() =>
            SigV4Vector.AllNames().Where(n => !Excluded.ContainsKey(n)).Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(SignedVectors))]
        public async Task Header_signing_reproduces_the_vector(string name)
        {
            var vector = SigV4Vector.Load(name);
            using var request = vector.BuildRequest();
            if (vector.SignBody)
            {
                // sign_body=true asks for the payload hash in x-amz-content-sha256 (an S3 convention the
                // signer does not add by itself); set by the caller, the header is signed like any other.
                var body = await request.Content!.ReadAsByteArrayAsync();
                request.Headers.TryAddWithoutValidation("x-amz-content-sha256",
                    string.Concat(SHA256.HashData(body).Select(b => b.ToString("x2"))));
            }
            var signer = new SigV4Signer(vector.Service, vector.Region);

            var signature = await signer.SignAndDescribeAsync(request, vector.Credentials, vector.Timestamp);

            Assert.Equal(vector.ExpectedCanonicalRequest, signature.CanonicalRequest);
            Assert.Equal(vector.ExpectedStringToSign, signature.StringToSign);
            Assert.Equal(vector.ExpectedSignature, signature.Signature);
            Assert.Equal(vector.ExpectedAuthorization, request.Headers.Authorization!.ToString());
        }

        [Fact]
        public void Every_vector_is_signed_or_excluded_for_the_reason_its_context_states()
        {
            var names = SigV4Vector.AllNames();
            Assert.NotEmpty(names);
            Assert.All(Excluded.Keys, excluded => Assert.Contains(excluded, names));

            foreach (var name in names)
            {
                var vector = SigV4Vector.Load(name);
                var expectedReason = !vector.Normalize ? Unnormalized : vector.OmitSessionToken ? UnsignedToken : null;
                Assert.True(expectedReason == (Excluded.TryGetValue(name, out var reason) ? reason : null),
                    $"{name}: expected {(expectedReason is null ? "to be signed" : "exclusion: " + expectedReason)}");
                _output.WriteLine($"{name}: {reason ?? "signed"}");
            }
        }
    }
}
