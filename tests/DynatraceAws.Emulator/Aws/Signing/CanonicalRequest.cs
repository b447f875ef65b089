using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DynatraceAws.Emulator.Aws.Signing;

/// <summary>
/// The SigV4 canonical request as a service other than S3 computes it from what it received, after
/// AWS's "Create a canonical request" (IAM User Guide, reference_sigv-create-signed-request) and the
/// aws-c-auth suite: written here on its own, so that the emulator does not judge the module's
/// signatures with the signer that made them.
/// </summary>
internal static class CanonicalRequest
{
    /// <param name="rawTarget">The path and query as they came on the request line.</param>
    /// <param name="signedHeaders">The lower-case names the Authorization header lists.</param>
    /// <param name="headerValues">Every value the request carries for a header name (any case), in order.</param>
    public static string Build(string method, string rawTarget, IReadOnlyList<string> signedHeaders,
        Func<string, IReadOnlyList<string>> headerValues, byte[] body)
    {
        var query = rawTarget.IndexOf('?');
        var path = query < 0 ? rawTarget : rawTarget[..query];
        var lines = new List<string>
        {
            method,
            CanonicalPath(path),
            CanonicalQuery(query < 0 ? "" : rawTarget[(query + 1)..]),
        };
        lines.AddRange(signedHeaders.Select(name => name + ":" + string.Join(",", headerValues(name).Select(CanonicalValue))));
        lines.Add("");
        lines.Add(string.Join(";", signedHeaders));
        lines.Add(Convert.ToHexStringLower(SHA256.HashData(body)));
        return string.Join("\n", lines);
    }

    /// <summary>Dot segments resolved and empty segments dropped (RFC 3986 normalization), then each segment URI-encoded as it came.</summary>
    private static string CanonicalPath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(UriEncode(segment));
        }
        if (segments.Count == 0) return "/";
        return "/" + string.Join("/", segments) + (path.EndsWith('/') ? "/" : "");
    }

    /// <summary>Each name and value decoded, then URI-encoded; sorted by encoded name, then value.</summary>
    private static string CanonicalQuery(string query) =>
        string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: UriEncode(Uri.UnescapeDataString(pair[0])), Value: UriEncode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    /// <summary>Leading and trailing spaces trimmed, every inner run of spaces one space.</summary>
    private static string CanonicalValue(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>UTF-8 bytes; all but A-Z a-z 0-9 - _ . ~ as %XY with upper-case hex.</summary>
    private static string UriEncode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~') encoded.Append((char)b);
            else encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
