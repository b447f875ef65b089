using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
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

        public string ExpectedCanonicalRequest => Read("header-canonical-request.txt");
        public string ExpectedStringToSign => Read("header-string-to-sign.txt");
        public string ExpectedSignature => Read("header-signature.txt").Trim();

        /// <summary>The Authorization value of header-signed-request.txt.</summary>
        public string ExpectedAuthorization => HeaderOf(Read("header-signed-request.txt"), "Authorization");

        /// <summary>
        /// request.txt as an HttpRequestMessage. Folded header lines (obs-fold) join the previous
        /// value with a space, as HTTP/1.1 defines; repeated headers stay separate values.
        /// </summary>
        public HttpRequestMessage BuildRequest()
        {
            var raw = Read("request.txt");
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var head = split < 0 ? raw.TrimEnd('\n') : raw.Substring(0, split);
            var body = split < 0 ? null : raw.Substring(split + 2);

            var lines = head.Split('\n');
            var requestLine = lines[0];
            var method = requestLine.Substring(0, requestLine.IndexOf(' '));
            var target = requestLine.Substring(method.Length + 1, requestLine.LastIndexOf(' ') - method.Length - 1);

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

            var host = headers.Single(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value.Trim();
            // The request line is the path as sent; System.Uri would otherwise escape and resolve it.
            var uri = new Uri("https://" + host + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            var request = new HttpRequestMessage(new HttpMethod(method), uri);
            if (body != null) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            foreach (var (name, value) in headers)
            {
                var added = name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                    ? request.Content!.Headers.TryAddWithoutValidation(name, value)
                    : request.Headers.TryAddWithoutValidation(name, value);
                if (!added) throw new InvalidOperationException($"{Name}: cannot carry header {name} on an HttpRequestMessage.");
            }
            return request;
        }

        private string Read(string file) => File.ReadAllText(Path.Combine(_folder, file));

        private static string HeaderOf(string rawRequest, string name) =>
            rawRequest.Split('\n').Single(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Substring(name.Length + 1);
    }
}
