using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DynatraceAws.Emulator.Aws.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DynatraceAws.Emulator.Aws.Signing;

/// <summary>
/// Checks a request's SigV4 signature the way AWS does: a known key, a live session token, a signing
/// time within 15 minutes, and the signature recomputed (by <see cref="CanonicalRequest"/> and
/// <see cref="Signature"/>, nothing of the module's) over exactly the headers the client listed in SignedHeaders.
/// </summary>
internal static class SignatureVerifier
{
    private const string DateHeader = "x-amz-date";
    private const string SecurityTokenHeader = "x-amz-security-token";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <returns>Who signed the request.</returns>
    public static AwsCaller Verify(HttpRequest request, byte[] body, AuthorizationHeader authorization,
        Func<string, AccessKey?> findKey, DateTimeOffset now)
    {
        var key = findKey(authorization.AccessKeyId) ?? throw InvalidToken();
        if (request.Headers[SecurityTokenHeader].ToString() != (key.SessionToken ?? "")) throw InvalidToken();
        if (key.Expiration <= now) throw new AwsError(403, "ExpiredToken", "The security token included in the request is expired");

        CheckSigningTime(request, authorization, now);
        var expected = ExpectedSignature(request, body, authorization, key);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
            throw SignatureDoesNotMatch();
        return key.Caller;
    }

    private static void CheckSigningTime(HttpRequest request, AuthorizationHeader authorization, DateTimeOffset now)
    {
        var amzDate = request.Headers[DateHeader].ToString();
        if (amzDate.Length == 0 || !authorization.SignedHeaders.Contains(DateHeader))
            throw new AwsError(400, "IncompleteSignature", "Authorization header requires existence of a signed 'X-Amz-Date' header.");
        if (!DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            throw new AwsError(400, "IncompleteSignature", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
        if (authorization.ScopeDate != amzDate[..8])
        {
            throw new AwsError(403, "SignatureDoesNotMatch",
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.");
        }
        if (signedAt < now - AllowedSkew)
        {
            throw new AwsError(403, "SignatureDoesNotMatch",
                $"Signature expired: {amzDate} is now earlier than {AmzDate(now - AllowedSkew)} ({AmzDate(now)} - 15 min.)");
        }
        if (signedAt > now + AllowedSkew)
        {
            throw new AwsError(403, "SignatureDoesNotMatch",
                $"Signature not yet current: {amzDate} is still later than {AmzDate(now + AllowedSkew)} ({AmzDate(now)} + 15 min.)");
        }
    }

    private static string ExpectedSignature(HttpRequest request, byte[] body, AuthorizationHeader authorization, AccessKey key)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var canonical = CanonicalRequest.Build(request.Method, target, authorization.SignedHeaders, name =>
        {
            var values = request.Headers[name];
            return values.Count > 0 ? values.Select(v => v ?? "").ToArray() : throw SignatureDoesNotMatch();
        }, body);
        return Signature.Compute(key.SecretAccessKey, authorization, request.Headers[DateHeader].ToString(), canonical);
    }

    private static string AmzDate(DateTimeOffset at) => at.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    private static AwsError InvalidToken() =>
        new(403, "InvalidClientTokenId", "The security token included in the request is invalid.");

    private static AwsError SignatureDoesNotMatch() =>
        new(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
}
