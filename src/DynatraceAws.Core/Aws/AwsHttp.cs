using System;
using System.Net.Http;

namespace DynatraceAws.Core.Aws
{
    /// <summary>The one HttpClient for AWS endpoints: shared, thread-safe, with a bounded timeout per request.</summary>
    internal static class AwsHttp
    {
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

        public static HttpClient Shared { get; } = new HttpClient { Timeout = RequestTimeout };
    }
}
