using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>Reads a Dynatrace error answer, in any of the envelopes the APIs use, into one exception.</summary>
    internal static class DynatraceErrors
    {
        public static DynatraceApiException FromResponse(string operation, HttpResponseMessage response, string body)
        {
            var status = (int)response.StatusCode;
            var error = ErrorObject(TryParse(body));
            var message = error?["message"]?.GetValueKind() == JsonValueKind.String
                ? error["message"]!.GetValue<string>()
                : response.ReasonPhrase ?? "";
            return new DynatraceApiException(operation, status, message, Violations(error), MissingScopes(error),
                RetryDelay(response, DateTimeOffset.UtcNow));
        }

        /// <summary>The error of a failed per-item result inside a settings POST answer.</summary>
        public static DynatraceApiException FromItem(string operation, JsonNode item)
        {
            var error = item["error"];
            var status = (int?)item["code"] ?? (int?)error?["code"] ?? 400;
            var message = (string?)error?["message"] ?? "";
            return new DynatraceApiException(operation, status, message, Violations(error), Array.Empty<string>(), null);
        }

        /// <summary>Retry-After (seconds or date), else X-RateLimit-Reset (a Unix time), else null.</summary>
        internal static TimeSpan? RetryDelay(HttpResponseMessage response, DateTimeOffset now)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is { } delta) return delta;
            if (retryAfter?.Date is { } date) return Positive(date - now);

            if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
            {
                // Documented in microseconds; some services send seconds or milliseconds.
                var at = reset > 100_000_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(reset / 1000)
                    : reset > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(reset)
                    : DateTimeOffset.FromUnixTimeSeconds(reset);
                return Positive(at - now);
            }
            return null;
        }

        private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

        private static JsonNode? TryParse(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try { return JsonNode.Parse(body); }
            catch (JsonException) { return null; }
        }

        // {"error":{...}} or [{"code":..,"error":{...}}] (settings POST) or the error object itself (account management API).
        private static JsonNode? ErrorObject(JsonNode? root) => root switch
        {
            JsonArray array => array.Count > 0 ? array[0]?["error"] : null,
            JsonObject obj when obj["error"] is JsonObject inner => inner,
            JsonObject obj => obj,
            _ => null,
        };

        private static IReadOnlyList<ConstraintViolation> Violations(JsonNode? error)
        {
            if (error?["errorsMap"] is JsonObject errorsMap) return ErrorsMapViolations(errorsMap);
            var list = error?["constraintViolations"] as JsonArray ?? error?["details"]?["constraintViolations"] as JsonArray;
            if (list is null) return Array.Empty<ConstraintViolation>();
            return list.OfType<JsonObject>()
                .Select(v => new ConstraintViolation((string?)v["path"] ?? "", (string?)v["message"] ?? ""))
                .ToArray();
        }

        /// <summary>The account management API's {"code","message","errorsMap":{"field":"message" or ["message", ...]}}.</summary>
        private static IReadOnlyList<ConstraintViolation> ErrorsMapViolations(JsonObject errorsMap) =>
            errorsMap.SelectMany(field => (field.Value as JsonArray)?.Select(m => m?.ToString() ?? "") ?? new[] { field.Value?.ToString() ?? "" },
                    (field, message) => new ConstraintViolation(field.Key, message))
                .ToArray();

        private static IReadOnlyList<string> MissingScopes(JsonNode? error)
        {
            if (error?["details"] is JsonObject details && details["missingScopes"] is JsonArray scopes)
                return scopes.Select(s => (string?)s ?? "").Where(s => s.Length > 0).ToArray();
            return Array.Empty<string>();
        }
    }
}
