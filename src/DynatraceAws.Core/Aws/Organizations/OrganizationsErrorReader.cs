using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>Turns a non-2xx answer into an <see cref="OrganizationsException"/>: {"__type": "...#Code", "Message": "..."}.</summary>
    internal static class OrganizationsErrorReader
    {
        private const int ShownBodyLength = 200;

        public static OrganizationsException Read(string operation, HttpResponseMessage response, string body)
        {
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var error = TryParse(body);
            if (error is { } e && (OrganizationsJson.Text(e, "__type") ?? HeaderType(response)) is { } type)
            {
                // The JSON protocol allows a namespace before the code: "com.amazonaws.organizations#ParentNotFoundException".
                var code = type.Substring(type.LastIndexOf('#') + 1);
                var message = OrganizationsJson.Text(e, "Message") ?? OrganizationsJson.Text(e, "message") ?? "";
                return new OrganizationsException(operation, code, message, requestId, response.StatusCode, retryAfter);
            }

            var shown = body.Length > ShownBodyLength ? body.Substring(0, ShownBodyLength) + "..." : body;
            return new OrganizationsException(operation, OrganizationsErrorCodes.NoErrorDocument,
                $"{response.ReasonPhrase}, and no Organizations error document: {shown}", requestId, response.StatusCode, retryAfter);
        }

        private static string? HeaderType(HttpResponseMessage response) =>
            response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault()?.Split(':')[0] : null;

        private static JsonElement? TryParse(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : (JsonElement?)null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
