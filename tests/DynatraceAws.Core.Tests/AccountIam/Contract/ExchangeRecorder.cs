using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Tests.AccountIam.Contract;

/// <summary>Passes every request on to the real server and keeps it with its answer, both bodies as text.</summary>
internal sealed class ExchangeRecorder : DelegatingHandler
{
    public ExchangeRecorder() : base(new HttpClientHandler()) { }

    public List<Exchange> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        var response = await base.SendAsync(request, ct);
        var responseBody = await response.Content.ReadAsStringAsync(ct);
        var exchange = new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.PathAndQuery, requestBody,
            (int)response.StatusCode, responseBody);
        lock (Exchanges) Exchanges.Add(exchange);
        return response;
    }
}

internal sealed record Exchange(string Method, string Path, string PathAndQuery, string? RequestBody, int Status, string ResponseBody);
