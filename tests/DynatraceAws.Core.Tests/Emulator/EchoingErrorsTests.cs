using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>
/// The emulator's hostile mode (issue 16, point 7): every API the module calls answers an error with
/// the request's headers and body in the text a client shows, inside an envelope of the API's own kind.
/// </summary>
public sealed class EchoingErrorsTests
{
    private const string AccountUuid = "12a34567-8901-4bc3-845e-6f7a8b901234";
    private const string HeaderSecret = "zzHeaderSecret-4Kp8";
    private const string BodySecret = "zzBodySecret-9Xw2";

    /// <summary>One failing request per API, and where its kind of error answer keeps the message.</summary>
    public static IEnumerable<object[]> Apis() => new[]
    {
        new object[] { "environment" }, new object[] { "classic" }, new object[] { "account" }, new object[] { "sso" },
        new object[] { "sts" }, new object[] { "iam" }, new object[] { "organizations" },
    };

    private static HttpRequestMessage FailingRequest(Uri baseUrl, string api)
    {
        HttpRequestMessage Json(HttpMethod method, string path, string authorization)
        {
            var request = new HttpRequestMessage(method, new Uri(baseUrl, path))
            {
                Content = new StringContent($"{{\"note\":\"{BodySecret}\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return request;
        }
        HttpRequestMessage Aws(string service, string contentType, string body, string? target = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, baseUrl) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential=AKIDEMU123456789012/20240101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=00");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", HeaderSecret);
            if (target != null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
            return request;
        }
        return api switch
        {
            "environment" => Json(HttpMethod.Post, "platform/classic/environment-api/v2/settings/objects", "Bearer " + HeaderSecret),
            "classic" => Json(HttpMethod.Post, "e/abc12345/api/config/v1/aws/credentials", "Api-Token " + HeaderSecret),
            "account" => Json(HttpMethod.Post, $"iam/v1/accounts/{AccountUuid}/groups", "Bearer " + HeaderSecret),
            "sso" => new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, DynatraceState.TokenPath.TrimStart('/')))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = DynatraceState.LocalClientId, ["client_secret"] = BodySecret,
                    ["scope"] = HeaderSecret,
                }),
            },
            "sts" => Aws("sts", "application/x-www-form-urlencoded", $"Action=GetCallerIdentity&Version=2011-06-15&Note={BodySecret}"),
            "iam" => Aws("iam", "application/x-www-form-urlencoded", $"Action=GetRole&Version=2010-05-08&RoleName={BodySecret}"),
            _ => Aws("organizations", "application/x-amz-json-1.1", $"{{\"Note\":\"{BodySecret}\"}}", "AWSOrganizationsV20161128.DescribeOrganization"),
        };
    }

    /// <summary>The text a client shows from the answer: the message field of its kind of envelope.</summary>
    private static string ShownMessage(string api, string mediaType, string body) => api switch
    {
        "sts" or "iam" => XElement.Parse(body).Descendants().Single(e => e.Name.LocalName == "Message").Value,
        "sso" => (string)JsonNode.Parse(body)!["error_description"]!,
        "organizations" => (string)JsonNode.Parse(body)!["Message"]!,
        "account" => (string)JsonNode.Parse(body)!["message"]!,
        _ => (string)JsonNode.Parse(body)!["error"]!["message"]!,
    };

    private static async Task<(int Status, string MediaType, string Message)> FailAsync(bool echo, string api)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { EchoRequests = echo });
        using var http = new HttpClient();
        using var response = await http.SendAsync(FailingRequest(emulator.BaseUrl, api));
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        return ((int)response.StatusCode, mediaType, ShownMessage(api, mediaType, body));
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task An_error_answer_carries_the_request_headers_and_body_in_its_message(string api)
    {
        var (status, mediaType, message) = await FailAsync(echo: true, api);

        Assert.InRange(status, 400, 599);
        Assert.Contains(api is "sts" or "iam" ? "xml" : "json", mediaType);
        Assert.Contains(HeaderSecret, message);
        Assert.Contains(BodySecret, message);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Without_the_mode_the_same_error_answer_echoes_nothing(string api)
    {
        var (status, _, message) = await FailAsync(echo: false, api);

        Assert.InRange(status, 400, 599);
        Assert.DoesNotContain(HeaderSecret, message);
        Assert.DoesNotContain(BodySecret, message);
    }

    [Fact]
    public async Task A_successful_answer_is_left_as_it_is()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { EchoRequests = true });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUrl, "platform/extensions/v2/extensions"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + DynatraceState.LocalToken);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.DoesNotContain("echo of the request", body);
        Assert.Contains(((JsonArray)JsonNode.Parse(body)!["items"]!).Select(i => (string?)i!["extensionName"]), n => n == "com.dynatrace.extension.da-aws");
    }
}
