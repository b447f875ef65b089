using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Emulator;

/// <summary>Raw HTTP against the emulated environment, plus the few calls most tests start from.</summary>
public sealed class DynatraceApi : IDisposable
{
    public const string Settings = "platform/classic/environment-api/v2/settings/objects";
    public const string Extensions = "platform/extensions/v2/extensions";
    public const string Configurations = "platform/extensions/v2/extensions/com.dynatrace.extension.da-aws/monitoring-configurations";

    private readonly HttpClient _http;

    public DynatraceApi(Uri baseUrl) => _http = new HttpClient { BaseAddress = baseUrl };

    public Task<ApiResponse> GetAsync(string path, string? token = DynatraceState.LocalToken) =>
        SendAsync(HttpMethod.Get, path, null, token);

    public Task<ApiResponse> PostAsync(string path, JsonNode? body, string? token = DynatraceState.LocalToken) =>
        SendAsync(HttpMethod.Post, path, body, token);

    public Task<ApiResponse> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, string? token = DynatraceState.LocalToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }

    public async Task<string> CreateConnectionAsync(string name, string roleArn = "")
    {
        var response = await PostAsync(Settings, Payloads.CreateConnection(name, roleArn));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Body[0].GetProperty("objectId").GetString()!;
    }

    public async Task<string> CreateConfigurationAsync(JsonObject body)
    {
        var response = await PostAsync(Configurations, body);
        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        return response.Body.GetProperty("objectId").GetString()!;
    }

    /// <summary>A connection and a monitoring configuration naming it, as seed 000 creates them.</summary>
    public async Task<(string ConnectionId, string ConfigurationId)> OnboardAsync(string accountId)
    {
        var connectionId = await CreateConnectionAsync(Payloads.UniqueName());
        return (connectionId, await CreateConfigurationAsync(Payloads.Configuration(connectionId, accountId)));
    }

    public void Dispose() => _http.Dispose();
}
