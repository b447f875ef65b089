using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DynatraceAws.Core.Aws;

namespace DynatraceAws.Core.Tests.Aws.Signing
{
    /// <summary>One folder of the aws-c-auth SigV4 suite: its context, its raw request, the expected header-signing results.</summary>
    internal sealed class SigV4Vector
    {
        public static string SuiteFolder => SharedContracts.PathTo("contracts", "aws", "sigv4");

        private readonly string _folder;

        private SigV4Vector(string name)
        {
            Name = name;
            _folder = Path.Combine(SuiteFolder, name);
            using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "context.json")));
            var root = context.RootElement;
            var credentials = root.GetProperty("credentials");
            Credentials = new AwsCredentials(
                credentials.GetProperty("access_key_id").GetString()!,
                credentials.GetProperty("secret_access_key").GetString()!,
                credentials.TryGetProperty("token", out var token) ? token.GetString() : null);
            Region = root.GetProperty("region").GetString()!;
            Service = root.GetProperty("service").GetString()!;
            Timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            Normalize = root.GetProperty("normalize").GetBoolean();
            SignBody = root.GetProperty("sign_body").GetBoolean();
            OmitSessionToken = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean();
        }

        public static string[] AllNames() =>
            Directory.GetDirectories(SuiteFolder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        public static SigV4Vector Load(string name) => new SigV4Vector(name);

        public string Name { get; }
        public AwsCredentials Credentials { get; }
        public string Region { get; }
        public string Service { get; }
        public DateTimeOffset Timestamp { get; }
        public bool Normalize { get; }
        public bool SignBody { get; }
        public bool OmitSessionToken { get; }

        /// <summary>The path and query of the request line, as sent.</summary>
        public string RequestTarget => Unsigned.Target;

        public string ExpectedCanonicalRequest => Read("header-canonical-request.txt");
        public string ExpectedStringToSign => Read("header-string-to-sign.txt");
        public string ExpectedSignature => Read("header-signature.txt").Trim();

        /// <summary>The Authorization value of header-signed-request.txt.</summary>
        public string ExpectedAuthorization => Signed.Values("Authorization").Single();

        /// <summary>request.txt: the request before signing.</summary>
        public RawRequest Unsigned => RawRequest.Parse(Read("request.txt"));

        /// <summary>header-signed-request.txt: the request as sent, with X-Amz-Date and Authorization.</summary>
        public RawRequest Signed => RawRequest.Parse(Read("header-signed-request.txt"));

        /// <summary>request.txt as an HttpRequestMessage; repeated headers stay separate values.</summary>
        public HttpRequestMessage BuildRequest()
        {
            var raw = Unsigned;
            var host = raw.Headers.Single(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value.Trim();
            // The request line is the path as sent; System.Uri would otherwise escape and resolve it.
            var uri = new Uri("https://" + host + raw.Target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            var request = new HttpRequestMessage(new HttpMethod(raw.Method), uri);
            if (raw.Body != null) request.Content = new ByteArrayContent(raw.Body);
            foreach (var (name, value) in raw.Headers)
            {
                var added = name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                    ? request.Content!.Headers.TryAddWithoutValidation(name, value)
                    : request.Headers.TryAddWithoutValidation(name, value);
                if (!added) throw new InvalidOperationException($"{Name}: cannot carry header {name} on an HttpRequestMessage.");
            }
            return request;
        }

        /// <summary>
        /// The Authorization the suite expects had the signer also signed x-amz-content-sha256 with the
        /// payload hash, as AWSSDK.Core's signer always does: the suite's canonical request with that one
        /// header added, then the suite's string to sign and signing key for it. Where the vector signs
        /// that header already (sign_body=true) this is the suite's own Authorization.
        /// </summary>
        public string ExpectedAuthorizationSigningContentHash()
        {
            const string contentHash = "x-amz-content-sha256";
            var lines = ExpectedCanonicalRequest.Split('\n');
            var payloadHash = lines[lines.Length - 1];
            var signedHeaders = lines[lines.Length - 2].Split(';').Append(contentHash).Distinct()
                .OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var headerLines = lines.Skip(3).Take(lines.Length - 6).Append(contentHash + ":" + payloadHash).Distinct()
                .OrderBy(l => l.Substring(0, l.IndexOf(':')), StringComparer.Ordinal);
            var canonical = string.Join("\n", lines.Take(3).Concat(headerLines)
                .Concat(new[] { "", string.Join(";", signedHeaders), payloadHash }));

            var toSign = ExpectedStringToSign.Split('\n');
            var scope = toSign[2];
            var stringToSign = string.Join("\n", toSign[0], toSign[1], scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
            var key = scope.Split('/').Aggregate(Encoding.UTF8.GetBytes("AWS4" + Credentials.SecretAccessKey), Hmac);
            return $"AWS4-HMAC-SHA256 Credential={Credentials.AccessKeyId}/{scope}, SignedHeaders={string.Join(";", signedHeaders)}, " +
                   $"Signature={Hex(Hmac(key, stringToSign))}";
        }

        private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

        private string Read(string file) => File.ReadAllText(Path.Combine(_folder, file));
    }
}

namespace DynatraceAws.Core.Tests.Aws.Signing
{
    /// <summary>
    /// A raw HTTP/1.1 request of the suite: request line, header lines, a blank line, the body.
    /// Folded header lines (obs-fold) join the previous value with a space, as HTTP/1.1 defines.
    /// </summary>
    internal sealed class RawRequest
    {
        private RawRequest(string method, string target, IReadOnlyList<(string Name, string Value)> headers, byte[]? body)
        {
            Method = method;
            Target = target;
            Headers = headers;
            Body = body;
        }

        public string Method { get; }

        /// <summary>The path and query as the request line has them.</summary>
        public string Target { get; }

        public IReadOnlyList<(string Name, string Value)> Headers { get; }

        public byte[]? Body { get; }

        /// <summary>Every value of a header name, in any case, in order.</summary>
        public IReadOnlyList<string> Values(string name) =>
            Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();

        public static RawRequest Parse(string raw)
        {
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var head = split < 0 ? raw.TrimEnd('\n') : raw.Substring(0, split);
            var body = split < 0 || split + 2 == raw.Length ? null : raw.Substring(split + 2);

            var lines = head.Split('\n');
            var method = lines[0].Substring(0, lines[0].IndexOf(' '));
            var target = lines[0].Substring(method.Length + 1, lines[0].LastIndexOf(' ') - method.Length - 1);
            var headers = new List<(string Name, string Value)>();
            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith(" ", StringComparison.Ordinal) || line.StartsWith("\t", StringComparison.Ordinal))
                {
                    var folded = headers[headers.Count - 1];
                    headers[headers.Count - 1] = (folded.Name, folded.Value + " " + line.Trim());
                }
                else
                {
                    var colon = line.IndexOf(':');
                    headers.Add((line.Substring(0, colon), line.Substring(colon + 1)));
                }
            }
            return new RawRequest(method, target, headers, body is null ? null : Encoding.UTF8.GetBytes(body));
        }
    }
}
