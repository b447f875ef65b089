using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The grammar the policy service accepts, as far as clients can tell: statements ending in ';',
/// each ALLOW or DENY, a comma-separated list of service:resource:action permissions, and an
/// optional WHERE clause.
/// </summary>
internal static partial class PolicyStatementRules
{
    [GeneratedRegex(@"^(ALLOW|DENY)\s+(?<permissions>[^;]+?)(\s+WHERE\s+(?<conditions>.+))?$", RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(:[a-z0-9-]+)+$")]
    private static partial Regex Permission();

    /// <returns>null when valid, else why not.</returns>
    public static string? Problem(string statementQuery)
    {
        var text = statementQuery.Trim();
        if (text.Length == 0) return "The statement query is empty.";
        if (!text.EndsWith(';')) return "Each statement must end with ';'.";
        foreach (var statement in text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var match = Statement().Match(statement);
            if (!match.Success) return $"Mismatched input at '{First(statement)}': a statement starts with ALLOW or DENY.";
            var bad = match.Groups["permissions"].Value.Split(',').Select(p => p.Trim()).FirstOrDefault(p => !Permission().IsMatch(p));
            if (bad is not null) return $"Unknown permission '{bad}'.";
            if (match.Groups["conditions"].Success && match.Groups["conditions"].Value.Trim().Length == 0)
                return "A WHERE clause needs a condition.";
        }
        return null;
    }

    private static string First(string statement) => statement.Split(' ', 2)[0];
}
