using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Signing;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>
/// Raw signed Query-protocol requests, for what Core's clients never send: unknown actions, MaxItems,
/// bad signatures, requests changed after signing.
/// </summary>
public sealed class AwsQuery
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public AwsQuery(HttpClient http, Uri endpoint)
    {
        _http = http;
        _endpoint = endpoint;
    }

    public Task<AwsAnswer> IamAsync(AwsCredentials credentials, string action, params (string Name, string Value)[] members) =>
        SendAsync("iam", "2010-05-08", credentials, action, members);

    public Task<AwsAnswer> StsAsync(AwsCredentials credentials, string action, params (string Name, string Value)[] members) =>
        SendAsync("sts", "2011-06-15", credentials, action, members);

    /// <param name="beforeSigning">Adds to the request what the signature is to cover.</param>
    /// <param name="afterSigning">Changes the request once it is signed, as a proxy or an attacker might.</param>
    public async Task<AwsAnswer> SendAsync(string service, string version, AwsCredentials credentials, string action,
        (string Name, string Value)[] members, DateTimeOffset? signedAt = null, Action<HttpRequestMessage>? beforeSigning = null,
        Action<HttpRequestMessage>? afterSigning = null)
    {
        var form = new[] { ("Action", action), ("Version", version) }.Concat(members)
            .Select(m => Uri.EscapeDataString(m.Item1) + "=" + Uri.EscapeDataString(m.Item2));
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(string.Join("&", form), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        beforeSigning?.Invoke(request);
        await new SigV4Signer(service, "us-east-1").SignAsync(request, credentials, signedAt ?? DateTimeOffset.UtcNow);
        afterSigning?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new AwsAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, XElement.Parse(body));
    }
}

/// <summary>An IAM or STS answer: the status and the XML, read by local names.</summary>
public sealed record AwsAnswer(HttpStatusCode Status, string? MediaType, XElement Root)
{
    public string? ErrorCode => Root.Name.LocalName == "ErrorResponse" ? Find("Error", "Code")?.Value : null;

    public string? ErrorMessage => Root.Name.LocalName == "ErrorResponse" ? Find("Error", "Message")?.Value : null;

    /// <summary>The element at that path of local names below the root, or null.</summary>
    public XElement? Find(params string[] path) =>
        path.Aggregate((XElement?)Root, (element, name) => element?.Elements().FirstOrDefault(e => e.Name.LocalName == name));

    public IReadOnlyList<XElement> Members(params string[] path) =>
        Find(path)?.Elements().Where(e => e.Name.LocalName == "member").ToArray() ?? [];

    public override string ToString() => $"{(int)Status} {Root}";
}
