using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Signing;

/// <summary>
/// A SigV4 Authorization header: AWS4-HMAC-SHA256 Credential={key}/{date}/{region}/{service}/aws4_request,
/// SignedHeaders={a;b;c}, Signature={hex}.
/// </summary>
internal sealed record AuthorizationHeader(string AccessKeyId, string ScopeDate, string Region, string Service,
    IReadOnlyList<string> SignedHeaders, string Signature)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static AuthorizationHeader Parse(string? header)
    {
        if (string.IsNullOrEmpty(header)) throw new AwsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            throw new AwsError(400, "IncompleteSignature", $"Unsupported AWS 'algorithm': '{header.Split(' ')[0]}'.");

        var parts = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var missing = new[] { "Credential", "Signature", "SignedHeaders" }.Where(name => !parts.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new AwsError(400, "IncompleteSignature",
                string.Concat(missing.Select(name => $"Authorization header requires '{name}' parameter. ")) + $"Authorization={header}");
        }

        var scope = parts["Credential"].Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || scope.Any(string.IsNullOrEmpty))
            throw new AwsError(400, "IncompleteSignature", $"Credential should be scoped to a valid region, not '{parts["Credential"]}'.");
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }
}
