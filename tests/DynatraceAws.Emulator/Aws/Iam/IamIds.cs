using System.Security.Cryptography;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>Unique ids as IAM shapes them: a four-letter type prefix (AROA roles, ANPA policies), then 17 base32 characters.</summary>
internal static class IamIds
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Role() => New("AROA");

    public static string Policy() => New("ANPA");

    private static string New(string prefix) => prefix + RandomNumberGenerator.GetString(Base32, 17);
}
