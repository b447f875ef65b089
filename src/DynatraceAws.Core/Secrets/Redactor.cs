using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Secrets
{
    /// <summary>
    /// The one redaction point: every message that leaves Core for a log, an error or a trace passes
    /// through here. Known secret shapes are masked; values registered at run time (tokens, client
    /// secrets, AWS secret keys and session tokens) are masked wherever they appear, also as a URL,
    /// form or JSON body would encode them.
    /// </summary>
    public static class Redactor
    {
        public const string Mask = "***";

        private static readonly Regex[] Shapes =
        {
            // Dynatrace tokens and client secrets: dt0c01.<public>.<secret>, dt0s16.<public>.<secret>, ...
            // A two-part dt0s02.<public> is an OAuth client id or a token id, not a secret: it stays readable.
            new Regex(@"\bdt0[a-z]\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9_-]+", RegexOptions.Compiled),
            // JSON Web Tokens (SSO access tokens): a header that starts with {" in base64url, a payload, a signature.
            new Regex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.Compiled),
            // AWS session tokens (docs/api-facts.md, "AWS secret shapes").
            new Regex(@"\b(IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz)[A-Za-z0-9/+=%]{16,}", RegexOptions.Compiled),
            // AWS secret access keys: 40 characters of base64 that mix upper case, lower case and digits.
            new Regex(@"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])",
                RegexOptions.Compiled),
            // Credentials in a URL: https://user:password@host.
            new Regex(@"(?<=://)[^/\s@]+(?=@)", RegexOptions.Compiled),
        };

        // The query of a URL, whose values are masked: ?api-token=...
        private static readonly Regex UrlQuery = new Regex(@"://[^\s?#""'<>]*\?(?<query>[^\s#""'<>]+)", RegexOptions.Compiled);

        // Authorization header values.
        private static readonly Regex AuthorizationValue =
            new Regex(@"(?i)\b(authorization\s*[:=]\s*)(bearer|api-token|aws4-hmac-sha256)?\s*[^\r\n,;]+", RegexOptions.Compiled);

        // Named secrets in headers, query strings, form and JSON bodies: name=value, name: value, "name":"value".
        private static readonly Regex NamedValue = new Regex(
            @"(?i)\b(signature|x-amz-security-token|x-amz-signature|client_secret|access_token|refresh_token|api-token|apitoken|password|secretkey|secret_key|secretaccesskey|sessiontoken)(""?\s*[:=]\s*""?)[^\s&"",;]+",
            RegexOptions.Compiled);

        private static readonly KnownSecrets Known = new KnownSecrets();

        /// <summary>Remember a secret so that any later text containing it is masked, in whatever encoding.</summary>
        public static void Register(string? secret)
        {
            if (string.IsNullOrEmpty(secret) || secret!.Length < KnownSecrets.KeyLength) return;
            foreach (var form in EncodedForms(secret)) Known.Add(form);
        }

        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = Known.Mask(text!, Mask);
            foreach (var shape in Shapes)
                result = shape.Replace(result, Mask);
            result = UrlQuery.Replace(result, m => m.Value.Substring(0, m.Groups["query"].Index - m.Index) + WithoutValues(m.Groups["query"].Value));
            result = AuthorizationValue.Replace(result, m => m.Groups[1].Value + Mask);
            result = NamedValue.Replace(result, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
            return result;
        }

        /// <summary>
        /// An exception that is safe to show. Core's own exceptions are built from redacted text
        /// (<see cref="IRedacted"/>) and stay as they are, so callers keep their types and
        /// properties; any other (the AWS SDK's, the runtime's) becomes a <see cref="RedactedException"/> copy.
        /// </summary>
        public static Exception Redact(Exception exception) => exception is IRedacted ? exception : new RedactedException(exception);

        private static string WithoutValues(string query) =>
            string.Join("&", query.Split('&').Select(pair => pair.IndexOf('=') is var equals && equals >= 0 ? pair.Substring(0, equals + 1) + Mask : pair));

        /// <summary>The secret as it appears raw, in a URL or form body, and in a JSON string.</summary>
        private static IEnumerable<string> EncodedForms(string secret)
        {
            yield return secret;
            yield return Uri.EscapeDataString(secret);
            yield return System.Net.WebUtility.UrlEncode(secret);
            yield return JsonEncodedText.Encode(secret).ToString();
        }
    }
}
