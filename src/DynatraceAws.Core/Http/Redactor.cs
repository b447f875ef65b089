using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DynatraceAws.Core.Http
{
    /// <summary>
    /// The one redaction point: every message that leaves Core for a log, an error or a trace passes
    /// through here. Known secret shapes are masked; values registered at run time (tokens, client
    /// secrets, AWS secret keys and session tokens) are masked wherever they appear.
    /// </summary>
    public static class Redactor
    {
        public const string Mask = "***";

        private static readonly Regex[] Shapes =
        {
            // Dynatrace tokens and client secrets: dt0c01.<public>.<secret>, dt0s16.<public>.<secret>, ...
            // A two-part dt0s02.<public> is an OAuth client id or a token id, not a secret: it stays readable.
            new Regex(@"\bdt0[a-z]\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+", RegexOptions.Compiled),
            // Authorization header values.
            new Regex(@"(?i)\b(authorization\s*[:=]\s*)(bearer|api-token|aws4-hmac-sha256)?\s*[^\r\n,;]+", RegexOptions.Compiled),
            // SigV4 signatures and security tokens in headers or query strings.
            new Regex(@"(?i)\b(signature|x-amz-security-token|x-amz-signature|client_secret|access_token|secretaccesskey|sessiontoken)(""?\s*[:=]\s*""?)[^\s&"",;]+", RegexOptions.Compiled),
        };

        private static readonly object Gate = new object();
        private static readonly HashSet<string> Known = new HashSet<string>();

        /// <summary>Remember a secret so that any later text containing it is masked.</summary>
        public static void Register(string? secret)
        {
            if (string.IsNullOrEmpty(secret) || secret!.Length < 8) return;
            lock (Gate) Known.Add(secret);
        }

        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            lock (Gate)
            {
                foreach (var secret in Known)
                    result = result.Replace(secret, Mask);
            }
            result = Shapes[0].Replace(result, Mask);
            result = Shapes[1].Replace(result, m => m.Groups[1].Value + Mask);
            result = Shapes[2].Replace(result, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
            return result;
        }
    }
}
