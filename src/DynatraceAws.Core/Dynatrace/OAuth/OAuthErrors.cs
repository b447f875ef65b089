using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// Reads an RFC 6749 error answer {"error":"invalid_client","error_description":"..."} into one
    /// exception. Dynatrace SSO refuses a scope the client lacks as invalid_request, naming it in the
    /// description ("OAuth client is missing following scopes [...]"), so a refusal that names requested
    /// scopes is OAuthInvalidScope whatever its error code.
    /// </summary>
    internal static class OAuthErrors
    {
        public static OAuthTokenException FromResponse(HttpResponseMessage response, string body, IReadOnlyList<string> scopes)
        {
            var status = (int)response.StatusCode;
            var root = TryParse(body);
            var error = Text(root?["error"]) ?? "";
            var description = Text(root?["error_description"]) ?? response.ReasonPhrase ?? "";
            var retryAfter = DynatraceErrors.RetryDelay(response, DateTimeOffset.UtcNow);
            var message = $"The SSO token endpoint refused an access token: HTTP {status} {error} {description}".TrimEnd();
            var missing = scopes.Where(s => Regex.IsMatch(description, $"(?<![\\w:-]){Regex.Escape(s)}(?![\\w:-])")).ToArray();

            if (error == "invalid_scope" || (status < 500 && missing.Length > 0))
                return new OAuthTokenException("OAuthInvalidScope", FailureCategory.PermissionDenied, status, error, message,
                    "Give the OAuth client these scopes, or request fewer: " + string.Join(", ", missing.Length > 0 ? missing : scopes) + ".",
                    retryAfter, missing);
            return error switch
            {
                "invalid_client" => new OAuthTokenException("OAuthInvalidClient", FailureCategory.AuthenticationError, status, error, message,
                    "Check the client ID and client secret (Account Management > Identity & access management > OAuth clients; " +
                    "the secret is shown only when the client is created) and connect again.", retryAfter),
                _ => new OAuthTokenException("OAuthTokenRequestFailed", status >= 500 || status == 429
                        ? FailureCategory.ResourceUnavailable : FailureCategory.AuthenticationError, status, error, message,
                    "Check the token endpoint address and the client, then connect again.", retryAfter),
            };
        }

        private static string? Text(JsonNode? node) =>
            node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        private static JsonNode? TryParse(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try { return JsonNode.Parse(body); }
            catch (JsonException) { return null; }
        }
    }
}
