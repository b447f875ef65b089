using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>ARNs of IAM entities: arn:aws:iam::{account}:{role|policy}{path}{name}.</summary>
internal static partial class IamArn
{
    public static string Role(string accountId, string path, string name) => $"arn:aws:iam::{accountId}:role{path}{name}";

    public static string Policy(string accountId, string path, string name) => $"arn:aws:iam::{accountId}:policy{path}{name}";

    /// <summary>The account and the name (after the last '/') of a well-formed ARN of a role or policy.</summary>
    public static bool TryParse(string arn, string resourceType, [NotNullWhen(true)] out string? account, [NotNullWhen(true)] out string? name)
    {
        var match = Shape().Match(arn);
        var parsed = match.Success && match.Groups["type"].Value == resourceType;
        account = parsed ? match.Groups["account"].Value : null;
        name = parsed ? match.Groups["name"].Value : null;
        return parsed;
    }

    /// <summary>As <see cref="TryParse"/>; IAM's InvalidInput for anything else.</summary>
    public static (string Account, string Name) Parse(string arn, string resourceType) =>
        TryParse(arn, resourceType, out var account, out var name) ? (account, name) : throw AwsError.InvalidInput($"ARN {arn} is not valid.");

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}|aws):(?<type>role|policy)(/[^/]+)*/(?<name>[^/]+)$")]
    private static partial Regex Shape();
}
