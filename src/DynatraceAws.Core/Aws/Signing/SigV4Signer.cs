using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Aws.Signing
{
    /// <summary>
    /// AWS Signature Version 4 in the Authorization header, for one service in one region. Adds
    /// X-Amz-Date, X-Amz-Security-Token (temporary credentials; signed) and Authorization to the
    /// request; every other header already on the request is signed as it is.
    /// </summary>
    public sealed class SigV4Signer
    {
        private const string Algorithm = "AWS4-HMAC-SHA256";

        public SigV4Signer(string service, string region)
        {
            if (string.IsNullOrWhiteSpace(service)) throw new ArgumentException("The signing service is empty.", nameof(service));
            if (string.IsNullOrWhiteSpace(region)) throw new ArgumentException("The signing region is empty.", nameof(region));
            Service = service;
            Region = region;
        }

        public string Service { get; }

        public string Region { get; }

        /// <summary>Signs <paramref name="request"/> in place; sign again (fresh time) before each resend.</summary>
        public async Task SignAsync(HttpRequestMessage request, AwsCredentials credentials, DateTimeOffset signingTime)
        {
            await SignAndDescribeAsync(request, credentials, signingTime).ConfigureAwait(false);
        }

        /// <summary>Signs and returns the intermediate texts, which the test vectors check.</summary>
        internal async Task<SigV4Signature> SignAndDescribeAsync(HttpRequestMessage request, AwsCredentials credentials,
            DateTimeOffset signingTime)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (credentials is null) throw new ArgumentNullException(nameof(credentials));

            var utc = signingTime.UtcDateTime;
            var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var scope = $"{utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{Region}/{Service}/aws4_request";

            request.Headers.Remove("X-Amz-Date");
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.Authorization = null;
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            if (credentials.SessionToken != null)
                request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);

            var payload = request.Content is null
                ? Array.Empty<byte>()
                : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var canonical = CanonicalRequest.Build(request, Hex(Sha256(payload)));
            var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(Sha256(Encoding.UTF8.GetBytes(canonical.Text)))}";
            var signature = Hex(HmacSha256(SigningKey(credentials.SecretAccessKey, utc), stringToSign));

            request.Headers.Authorization = new AuthenticationHeaderValue(Algorithm,
                $"Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={canonical.SignedHeaders}, Signature={signature}");
            return new SigV4Signature(canonical.Text, stringToSign, signature);
        }

        private byte[] SigningKey(string secretAccessKey, DateTime utc)
        {
            var key = HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            key = HmacSha256(key, Region);
            key = HmacSha256(key, Service);
            return HmacSha256(key, "aws4_request");
        }

        private static byte[] HmacSha256(byte[] key, string data)
        {
            using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
        }

        private static byte[] Sha256(byte[] data)
        {
            using (var sha = SHA256.Create()) return sha.ComputeHash(data);
        }

        private static string Hex(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return builder.ToString();
        }
    }
}
