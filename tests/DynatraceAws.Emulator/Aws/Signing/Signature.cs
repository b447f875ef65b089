using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DynatraceAws.Emulator.Aws.Signing;

/// <summary>The SigV4 signature of a canonical request: the string to sign, HMAC-SHA256 with the key derived for the credential scope.</summary>
internal static class Signature
{
    public static string Compute(string secretAccessKey, AuthorizationHeader authorization, string amzDate, string canonicalRequest)
    {
        var scope = $"{authorization.ScopeDate}/{authorization.Region}/{authorization.Service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = scope.Split('/').Aggregate(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Hmac);
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
