using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Tests.Aws.Iam
{
    /// <summary>A fake IAM endpoint: records each request as sent and answers with what the test decides.</summary>
    internal sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

        public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond)
            : this((request, _) => Task.FromResult(respond(request)))
        {
        }

        public RecordingHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

        public List<RecordedRequest> Requests { get; } = new List<RecordedRequest>();

        public static HttpResponseMessage Xml(HttpStatusCode status, string xml) =>
            new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var recorded = new RecordedRequest(
                request.Method.Method,
                request.RequestUri!,
                request.Headers.Concat(request.Content!.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                await request.Content.ReadAsStringAsync(ct));
            lock (Requests) Requests.Add(recorded);
            return await _respond(recorded, ct);
        }
    }

    internal sealed class RecordedRequest
    {
        public RecordedRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, string body)
        {
            Method = method;
            Uri = uri;
            Headers = headers;
            Body = body;
            Form = body.Split('&').Select(pair => pair.Split('=', 2))
                .Select(kv => new KeyValuePair<string, string>(WebUtility.UrlDecode(kv[0]), WebUtility.UrlDecode(kv[1])))
                .ToList();
        }

        public string Method { get; }
        public Uri Uri { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        public string Body { get; }

        /// <summary>The decoded form fields, in the order sent.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Form { get; }

        public string Action => Field("Action")!;

        public string? Field(string name) => Form.Where(f => f.Key == name).Select(f => f.Value).SingleOrDefault();
    }
}
