using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Signing;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws.Signing
{
    /// <summary>What the official vectors do not pin down but real requests need.</summary>
    public class SigV4SignerTests
    {
        private static readonly DateTimeOffset Time = new DateTimeOffset(2026, 1, 15, 10, 20, 30, TimeSpan.Zero);

        [Fact]
        public async Task Signing_again_replaces_what_the_first_signing_added_instead_of_adding_to_it()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://iam.amazonaws.com/") { Content = new StringContent("Action=ListRoles") };
            var signer = new SigV4Signer("iam", "us-east-1");
            var temporary = new AwsCredentials("ASIAEXAMPLE", "signerTestSecret/K7MDENG+bPxRfiCYEXAMPLEKEY", "signer-test-session-token");

            await signer.SignAsync(request, temporary, Time);
            var first = Assert.Single(request.Headers.GetValues("Authorization"));
            await signer.SignAsync(request, temporary, Time.AddMinutes(5));

            Assert.Equal("20260115T102530Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
            Assert.Equal("signer-test-session-token", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
            Assert.Single(request.Headers.GetValues("X-Amz-Content-SHA256"));
            var second = Assert.Single(request.Headers.GetValues("Authorization"));
            Assert.NotEqual(first, second);
            Assert.Contains("/20260115/us-east-1/iam/aws4_request, ", second);
        }

        [Fact]
        public async Task Temporary_credentials_sign_their_session_token_and_long_term_ones_send_none()
        {
            var signer = new SigV4Signer("sts", "eu-central-1");
            using var temporary = new HttpRequestMessage(HttpMethod.Post, "https://sts.eu-central-1.amazonaws.com/");
            using var longTerm = new HttpRequestMessage(HttpMethod.Post, "https://sts.eu-central-1.amazonaws.com/");

            await signer.SignAsync(temporary, new AwsCredentials("ASIAEXAMPLE", "secret", "session-token"), Time);
            await signer.SignAsync(longTerm, new AwsCredentials("AKIDEXAMPLE", "secret"), Time);

            Assert.Equal("host;x-amz-content-sha256;x-amz-date;x-amz-security-token", SignedHeaders(temporary));
            Assert.Equal("host;x-amz-content-sha256;x-amz-date", SignedHeaders(longTerm));
            Assert.False(longTerm.Headers.Contains("X-Amz-Security-Token"));
        }

        private static string SignedHeaders(HttpRequestMessage request) =>
            Assert.Single(request.Headers.GetValues("Authorization")).Split(", ").Single(p => p.StartsWith("SignedHeaders=")).Substring("SignedHeaders=".Length);
    }
}
