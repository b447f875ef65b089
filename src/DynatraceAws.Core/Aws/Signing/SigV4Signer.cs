using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace DynatraceAws.Core.Aws.Signing
{
    /// <summary>
    /// AWS Signature Version 4 in the Authorization header, for one service in one region, computed
    /// by AWSSDK.Core's public signer (<see cref="AWSSigV4Signer"/>). The headers on the request are
    /// signed as they are (but those the SDK never signs, such as User-Agent and X-Amz-User-Agent); the
    /// signer adds X-Amz-Date, X-Amz-Content-SHA256 (the body's hash, which the SDK always signs),
    /// X-Amz-Security-Token for temporary credentials, and Authorization.
    /// </summary>
    public sealed class SigV4Signer
    {
        /// <summary>What a signing adds; removed first, so that a request signed again carries each once.</summary>
        private static readonly string[] SigningHeaders = { "Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token" };

        private readonly RegionEndpoint _region;

        public SigV4Signer(string service, string region)
        {
            if (string.IsNullOrWhiteSpace(service)) throw new ArgumentException("The signing service is empty.", nameof(service));
            if (string.IsNullOrWhiteSpace(region)) throw new ArgumentException("The signing region is empty.", nameof(region));
            Service = service;
            Region = region;
            _region = RegionEndpoint.GetBySystemName(region);
        }

        public string Service { get; }

        public string Region { get; }

        /// <summary>Signs <paramref name="request"/> in place; sign again (fresh time) before each resend.</summary>
        public async Task SignAsync(HttpRequestMessage request, AwsCredentials credentials, DateTimeOffset signingTime)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (credentials is null) throw new ArgumentNullException(nameof(credentials));
            if (request.RequestUri is null) throw new ArgumentException("The request has no URI.", nameof(request));

            foreach (var name in SigningHeaders) request.Headers.Remove(name);
            var signing = new AWSSigningRequest
            {
                HttpMethod = request.Method,
                RequestUri = request.RequestUri,
                Content = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false),
            };
            IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers = request.Content is null
                ? request.Headers
                : request.Headers.Concat(request.Content.Headers);
            // A repeated header is signed as its values joined by commas, as SigV4 defines.
            foreach (var header in headers) signing.Headers[header.Key] = string.Join(",", header.Value);

            var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
            {
                Credentials = SdkCredentials(credentials),
                Region = _region,
                Service = Service,
                SignedAt = signingTime.UtcDateTime,
            });
            foreach (var header in signed.Headers) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        private static AWSCredentials SdkCredentials(AwsCredentials credentials) =>
            credentials.SessionToken is null
                ? new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey)
                : (AWSCredentials)new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    }
}
