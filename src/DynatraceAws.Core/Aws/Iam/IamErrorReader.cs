using System;
using System.Linq;
using System.Net.Http;
using System.Xml.Linq;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>
    /// Turns a non-2xx answer into an <see cref="IamException"/>:
    /// &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;.
    /// </summary>
    internal static class IamErrorReader
    {
        private const int ShownBodyLength = 200;

        public static IamException Read(string action, HttpResponseMessage response, string body)
        {
            var retryAfter = RetryAfter(response);
            var error = TryParseError(body);
            if (error != null)
            {
                return new IamException(action,
                    IamXml.Text(error, "Code") ?? IamErrorCodes.NoErrorDocument,
                    IamXml.Text(error, "Message") ?? "",
                    IamXml.Text(error.Parent!, "RequestId") ?? HeaderRequestId(response),
                    response.StatusCode, retryAfter);
            }

            var shown = body.Length > ShownBodyLength ? body.Substring(0, ShownBodyLength) + "..." : body;
            return new IamException(action, IamErrorCodes.NoErrorDocument,
                $"{response.ReasonPhrase}, and no IAM error document: {shown}",
                HeaderRequestId(response), response.StatusCode, retryAfter);
        }

        private static XElement? TryParseError(string body) =>
            IamXml.TryParseRoot(body) is { } root && root.Name.LocalName == "ErrorResponse" ? IamXml.Child(root, "Error") : null;

        private static string? HeaderRequestId(HttpResponseMessage response) =>
            response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;

        private static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is { } delta) return delta;
            if (retryAfter?.Date is { } date) return date - DateTimeOffset.UtcNow;
            return null;
        }
    }
}
