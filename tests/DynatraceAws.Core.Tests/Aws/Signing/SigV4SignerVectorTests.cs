using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Signing;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Core.Tests.Aws.Signing
{
    /// <summary>
    /// The official SigV4 suite (shared/contracts/aws/sigv4), header signing, through the module's use
    /// of AWSSDK.Core's signer. The SDK always signs x-amz-content-sha256, which only the sign_body=true
    /// vectors do; for the others the expected signature is the vector's with that one header added
    /// (<see cref="SigV4Vector.ExpectedAuthorizationSigningContentHash"/>), so every other part of the
    /// canonical request (path, query, header names and values, order) is still the suite's. The query-*
    /// files (presigned URLs) are not used: the module only signs in the Authorization header.
    /// </summary>
    public class SigV4SignerVectorTests
    {
        private const string PathAsGiven =
            "normalize=true with dot or empty path segments: the SDK signs the path as given (as S3 wants); the module " +
            "calls IAM, STS and Organizations at '/', where there is nothing to normalize.";

        private const string QueryOrderDecoded =
            "a percent-encoded non-ASCII query name: the SDK sorts query parameters by decoded name, the suite by encoded " +
            "name; the module's requests carry no query string.";

        private const string UnsignedToken =
            "omit_session_token=true: the token is added after signing, unsigned; the SDK always signs " +
            "X-Amz-Security-Token (post-sts-header-before and get-vanilla-with-session-token cover it).";

        private static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
        {
            ["get-relative-normalized"] = PathAsGiven,
            ["get-relative-relative-normalized"] = PathAsGiven,
            ["get-slash-dot-slash-normalized"] = PathAsGiven,
            ["get-slash-normalized"] = PathAsGiven,
            ["get-slash-pointless-dot-normalized"] = PathAsGiven,
            ["get-slashes-normalized"] = PathAsGiven,
            ["get-vanilla-query-order-encoded"] = QueryOrderDecoded,
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

            await new SigV4Signer(vector.Service, vector.Region).SignAsync(request, vector.Credentials, vector.Timestamp);

            var authorization = Assert.Single(request.Headers.GetValues("Authorization"));
            Assert.Equal(vector.ExpectedAuthorizationSigningContentHash(), authorization);
            if (vector.SignBody) Assert.Equal(vector.ExpectedAuthorization, authorization);
        }

        [Fact]
        public void Every_vector_is_signed_or_excluded_for_the_reason_its_context_states()
        {
            var names = SigV4Vector.AllNames();
            Assert.Equal(38, names.Length);
            Assert.All(Excluded.Keys, excluded => Assert.Contains(excluded, names));

            foreach (var name in names)
            {
                var vector = SigV4Vector.Load(name);
                var expectedReason = vector.OmitSessionToken ? UnsignedToken
                    : vector.Normalize && HasDotOrEmptySegment(vector.RequestTarget) ? PathAsGiven
                    : HasEncodedNonAsciiName(vector.RequestTarget) ? QueryOrderDecoded
                    : null;
                Assert.True(expectedReason == (Excluded.TryGetValue(name, out var reason) ? reason : null),
                    $"{name}: expected {(expectedReason is null ? "to be signed" : "exclusion: " + expectedReason)}");
                _output.WriteLine($"{name}: {reason ?? "signed"}");
            }
        }

        private static bool HasDotOrEmptySegment(string target)
        {
            var path = target.Split('?')[0];
            var segments = path.Substring(1).Split('/');
            return segments.Take(segments.Length - 1).Any(s => s is "" or "." or "..") || segments[^1] is "." or "..";
        }

        private static bool HasEncodedNonAsciiName(string target) =>
            target.Split('?').Skip(1).SelectMany(q => q.Split('&')).Any(p => p.Split('=')[0].Contains("%", StringComparison.Ordinal));
    }
}
