using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DynatraceAws.Emulator.Capacity;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator;

/// <summary>Names each request's service and operation, serves it within the capacity, injects the configured faults, and logs it.</summary>
internal sealed partial class TrafficMiddleware
{
    private readonly RequestDelegate _next;
    private readonly RequestLog _log;
    private readonly Faults _faults;
    private readonly RequestCapacity _capacity;

    private const string RepeatPageKeyItem = "emulator:repeat-page-key";

    public TrafficMiddleware(RequestDelegate next, RequestLog log, Faults faults, RequestCapacity capacity)
    {
        _next = next;
        _log = log;
        _faults = faults;
        _capacity = capacity;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            await _next(context);
            return;
        }
        var service = ServiceOf(request);
        var operation = service is "iam" or "sts" or "organizations" ? await AwsActionAsync(request) : request.Path.Value ?? "/";
        var path = request.Path.Value ?? "/";

        // Injected latency and faults happen on the request's thread: a slow answer holds it.
        using var thread = await _capacity.EnterAsync(service, context.RequestAborted);
        if (thread is null)
        {
            await RequestCapacity.WriteRefusalAsync(context.Response);
            _log.Add(new LoggedRequest(service, request.Method, path, operation, context.Response.StatusCode, DateTimeOffset.UtcNow));
            return;
        }

        var fault = _faults.Pick(service, request.Method, path, operation);
        if (fault is not null)
        {
            if (fault.Kind == FaultKind.SlowResponse)
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { });
            }
            else if (fault.Kind == FaultKind.RepeatPageKey)
            {
                context.Items[RepeatPageKeyItem] = true;
            }
            else if (fault.Kind == FaultKind.ProcessThenDropConnection)
            {
                await ProcessThenDropAsync(context);
                _log.Add(new LoggedRequest(service, request.Method, path, operation, context.Response.StatusCode, DateTimeOffset.UtcNow));
                return;
            }
            else
            {
                await WriteFaultAsync(context, fault, service);
                _log.Add(new LoggedRequest(service, request.Method, path, operation, context.Response.StatusCode, DateTimeOffset.UtcNow));
                return;
            }
        }

        await _next(context);
        _log.Add(new LoggedRequest(service, request.Method, path, operation, context.Response.StatusCode, DateTimeOffset.UtcNow));
    }

    /// <summary>Whether the list request is answered with the page key it was asked with (<see cref="FaultKind.RepeatPageKey"/>).</summary>
    internal static bool RepeatsPageKey(HttpContext context) => context.Items.ContainsKey(RepeatPageKeyItem);

    private static string ServiceOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/sso/", StringComparison.Ordinal)) return "sso";
        if (path.StartsWith("/iam/v1/", StringComparison.Ordinal)) return "account";
        if (path == "/" && HttpMethods.IsPost(request.Method))
        {
            var scope = CredentialScope().Match(request.Headers.Authorization.ToString());
            return scope.Success ? scope.Groups["service"].Value : "aws";
        }
        return "dynatrace";
    }

    private static async Task<string> AwsActionAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            request.EnableBuffering();
            var form = await request.ReadFormAsync();
            request.Body.Position = 0;
            return form["Action"].ToString();
        }
        var target = request.Headers["X-Amz-Target"].ToString();
        var dot = target.LastIndexOf('.');
        return dot >= 0 ? target[(dot + 1)..] : target;
    }

    private async Task ProcessThenDropAsync(HttpContext context)
    {
        // The handler's answer goes nowhere; its change to the state stays.
        context.Response.Body = Stream.Null;
        await _next(context);
        context.Abort();
    }

    private static async Task WriteFaultAsync(HttpContext context, FaultRule fault, string service)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.DropConnection:
                context.Abort();
                return;
            case FaultKind.IamThrottling:
                response.StatusCode = 400;
                response.ContentType = "text/xml";
                await response.WriteAsync(AwsXml.Error("Sender", "Throttling", "Rate exceeded"));
                return;
            case FaultKind.TooManyRequestsRetryAfter:
                response.Headers.RetryAfter = "1";
                break;
            case FaultKind.TooManyRequestsRateLimitReset:
                // Dynatrace documents X-RateLimit-Reset as a Unix timestamp in microseconds.
                var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds() * 1000;
                response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                break;
        }

        response.StatusCode = fault.Kind switch
        {
            FaultKind.InternalServerError => 500,
            FaultKind.BadGateway => 502,
            FaultKind.ServiceUnavailable => 503,
            FaultKind.GatewayTimeout => 504,
            FaultKind.UpdateTokenConflict => 409,
            _ => 429,
        };
        if (service is "iam" or "sts")
        {
            response.ContentType = "text/xml";
            var code = response.StatusCode switch { 429 => "Throttling", 500 => "ServiceFailure", _ => "ServiceUnavailable" };
            await response.WriteAsync(AwsXml.Error("Receiver", code, "Injected fault"));
        }
        else if (service == "organizations")
        {
            response.ContentType = "application/x-amz-json-1.1";
            var code = response.StatusCode == 429 ? "TooManyRequestsException" : "ServiceException";
            await response.WriteAsync($"{{\"__type\":\"{code}\",\"Message\":\"Injected fault\"}}");
        }
        else
        {
            response.ContentType = "application/json";
            await response.WriteAsync($"{{\"error\":{{\"code\":{response.StatusCode},\"message\":\"Injected fault\"}}}}");
        }
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}
