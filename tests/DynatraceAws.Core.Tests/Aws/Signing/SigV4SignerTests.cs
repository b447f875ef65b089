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
        private static readonly AwsCredentials Keys = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        private static readonly DateTimeOffset Time = new DateTimeOffset(2026, 1, 15, 10, 20, 30, TimeSpan.Zero);

        [Fact]
        public async Task An_escaped_path_is_encoded_again_as_services_other_than_S3_expect()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/documents and settings/");

            var signature = await new SigV4Signer("service", "us-east-1").SignAndDescribeAsync(request, Keys, Time);

            Assert.Equal("/documents%2520and%2520settings/", signature.CanonicalRequest.Split('\n')[1]);
        }

        [Fact]
        public async Task The_host_carries_a_non_default_port_as_HttpClient_sends_it()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:4566/");

            var signature = await new SigV4Signer("iam", "us-east-1").SignAndDescribeAsync(request, Keys, Time);

            Assert.Contains("\nhost:127.0.0.1:4566\n", signature.CanonicalRequest);
        }

        [Fact]
        public async Task Signing_again_replaces_date_token_and_authorization_instead_of_adding_to_them()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://iam.amazonaws.com/");
            var signer = new SigV4Signer("iam", "us-east-1");
            var temporary = new AwsCredentials("ASIAEXAMPLE", "signerTestSecret/K7MDENG+bPxRfiCYEXAMPLEKEY", "signer-test-session-token");

            await signer.SignAsync(request, temporary, Time);
            var second = await signer.SignAndDescribeAsync(request, temporary, Time.AddMinutes(5));

            Assert.Equal("20260115T102530Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
            Assert.Equal("signer-test-session-token", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
            Assert.EndsWith("Signature=" + second.Signature, Assert.Single(request.Headers.GetValues("Authorization")));
            Assert.Equal("host;x-amz-date;x-amz-security-token", second.CanonicalRequest.Split('\n').Reverse().Skip(1).First());
        }
    }
}
