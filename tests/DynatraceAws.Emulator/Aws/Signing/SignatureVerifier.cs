using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Signing;
using DynatraceAws.Emulator.Aws.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DynatraceAws.Emulator.Aws.Signing;

/// <summary>
/// Checks a request's SigV4 signature the way AWS does: a known key, a live session token, a signing
/// time within 15 minutes, and the signature recomputed (with the module's own signer) over exactly
/// the headers the client listed in SignedHeaders.
/// </summary>
internal static class SignatureVerifier
{
    private const string DateHeader = "x-amz-date";
    private const string SecurityTokenHeader = "x-amz-security-token";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <returns>Who signed the request.</returns>
    public static async Task<AwsCaller> VerifyAsync(HttpRequest request, byte[] body, AuthorizationHeader authorization,
        Func<string, AccessKey?> findKey, DateTimeOffset now)
    {
        var key = findKey(authorization.AccessKeyId) ?? throw InvalidToken();
        if (request.Headers[SecurityTokenHeader].ToString() != (key.SessionToken ?? "")) throw InvalidToken();
        if (key.Expiration <= now) throw new AwsError(403, "ExpiredToken", "The security token included in the request is expired");

        var signedAt = SigningTime(request, authorization, now);
        var expected = await ExpectedSignatureAsync(request, body, authorization, key, signedAt);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
            throw SignatureDoesNotMatch();
        return key.Caller;
    }

    private static DateTimeOffset SigningTime(HttpRequest request, AuthorizationHeader authorization, DateTimeOffset now)
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
        return signedAt;
    }

    /// <summary>
    /// Rebuilds the request with only the signed headers and signs it again. The signer writes
    /// X-Amz-Date and X-Amz-Security-Token itself, from the signing time and the key.
    /// </summary>
    private static async Task<string> ExpectedSignatureAsync(HttpRequest request, byte[] body, AuthorizationHeader authorization,
        AccessKey key, DateTimeOffset signedAt)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        using var copy = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"http://{request.Host}{target}"))
        {
            Content = new ByteArrayContent(body),
        };
        // Without this, HttpContent reports its length as a header, and the signer would sign it unasked.
        copy.Content.Headers.ContentLength = null;
        foreach (var name in authorization.SignedHeaders.Where(name => name is not (DateHeader or SecurityTokenHeader)))
        {
            var values = request.Headers[name];
            if (values.Count == 0) throw SignatureDoesNotMatch();
            if (!copy.Headers.TryAddWithoutValidation(name, values.AsEnumerable()))
                copy.Content.Headers.TryAddWithoutValidation(name, values.AsEnumerable());
        }

        var signsToken = authorization.SignedHeaders.Contains(SecurityTokenHeader);
        var credentials = new AwsCredentials(key.AccessKeyId, key.SecretAccessKey, signsToken ? key.SessionToken : null);
        await new SigV4Signer(authorization.Service, authorization.Region).SignAsync(copy, credentials, signedAt);
        var signed = copy.Headers.Authorization?.Parameter ?? "";
        return signed[(signed.LastIndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..];
    }

    private static string AmzDate(DateTimeOffset at) => at.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    private static AwsError InvalidToken() =>
        new(403, "InvalidClientTokenId", "The security token included in the request is invalid.");

    private static AwsError SignatureDoesNotMatch() =>
        new(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
}
