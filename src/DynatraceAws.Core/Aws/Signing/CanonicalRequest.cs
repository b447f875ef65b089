using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace DynatraceAws.Core.Aws.Signing
{
    /// <summary>
    /// The SigV4 canonical form of a request: method, normalized path, sorted query, the headers
    /// that are signed and the payload hash, one per line.
    /// </summary>
    internal sealed class CanonicalRequest
    {
        private CanonicalRequest(string text, string signedHeaders)
        {
            Text = text;
            SignedHeaders = signedHeaders;
        }

        public string Text { get; }

        /// <summary>The lower-case names of the signed headers, ';'-separated.</summary>
        public string SignedHeaders { get; }

        public static CanonicalRequest Build(HttpRequestMessage request, string payloadHash)
        {
            var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            var headers = CanonicalHeaders(request, uri);
            var signedHeaders = string.Join(";", headers.Keys);
            var text = new StringBuilder()
                .Append(request.Method.Method).Append('\n')
                .Append(CanonicalPath(uri.AbsolutePath)).Append('\n')
                .Append(CanonicalQuery(uri.Query)).Append('\n')
                .Append(string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n"))).Append('\n')
                .Append(signedHeaders).Append('\n')
                .Append(payloadHash)
                .ToString();
            return new CanonicalRequest(text, signedHeaders);
        }

        /// <summary>
        /// The path as sent, dot segments resolved, empty segments dropped, then each segment
        /// encoded: an already-escaped path ends up encoded twice, as every service but S3 expects.
        /// </summary>
        private static string CanonicalPath(string sentPath)
        {
            var segments = new List<string>();
            foreach (var segment in sentPath.Split('/'))
            {
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                    continue;
                }
                segments.Add(Rfc3986.Encode(segment));
            }
            if (segments.Count == 0) return "/";
            var trailingSlash = sentPath.EndsWith("/", StringComparison.Ordinal) ? "/" : "";
            return "/" + string.Join("/", segments) + trailingSlash;
        }

        private static string CanonicalQuery(string query)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var pair in query.TrimStart('?').Split('&'))
            {
                if (pair.Length == 0) continue;
                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair.Substring(0, equals);
                var value = equals < 0 ? "" : pair.Substring(equals + 1);
                parameters.Add(new KeyValuePair<string, string>(
                    Rfc3986.Encode(Uri.UnescapeDataString(name)), Rfc3986.Encode(Uri.UnescapeDataString(value))));
            }
            return string.Join("&", parameters
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));
        }

        /// <summary>Every header on the request and its content but Authorization, which the signature goes into.</summary>
        private static SortedDictionary<string, string> CanonicalHeaders(HttpRequestMessage request, Uri uri)
        {
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = request.Content is null
                ? request.Headers
                : request.Headers.Concat(request.Content.Headers);
            foreach (var header in all)
            {
                var name = header.Key.ToLowerInvariant();
                if (name == "authorization") continue;
                headers[name] = string.Join(",", header.Value.Select(CanonicalValue));
            }
            if (!headers.ContainsKey("host")) headers["host"] = uri.Authority;
            return headers;
        }

        private static string CanonicalValue(string value)
        {
            var builder = new StringBuilder(value.Length);
            var pendingSpace = false;
            foreach (var c in value.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace) builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
            return builder.ToString();
        }
    }
}
