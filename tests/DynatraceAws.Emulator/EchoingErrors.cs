using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator;

/// <summary>
/// A hostile endpoint, when <see cref="EmulatorOptions.EchoRequests"/> is set: every error answer
/// of every API also carries the request that caused it, all its headers and its body, in the text
/// the client shows its user. That is the message of a Dynatrace environment, classic or account
/// error, the error_description of an SSO (OAuth) error, the Message of an IAM or STS (Query XML)
/// or Organizations (JSON) error; an answer without one gets it as its body. A service that
/// reflects its input this way hands the client's secrets back to it, and the client must not
/// show them. The envelope stays valid for its kind, so the client reads the echo as the message.
/// </summary>
internal sealed class EchoingErrors
{
    private static readonly string[] MessageFields = { "message", "Message", "error_description" };

    private readonly RequestDelegate _next;

    public EchoingErrors(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            await _next(context);
            return;
        }
        var echo = await EchoOfAsync(context.Request);
        var client = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await _next(context);
        }
        finally
        {
            context.Response.Body = client;
        }
        if (context.RequestAborted.IsCancellationRequested) return;
        var body = answer.ToArray();
        if (context.Response.StatusCode >= 400)
        {
            body = Encoding.UTF8.GetBytes(WithEcho(Encoding.UTF8.GetString(body), context.Response.ContentType, echo));
            context.Response.ContentType ??= "text/plain";
            context.Response.ContentLength = body.Length;
        }
        await client.WriteAsync(body);
    }

    private static async Task<string> EchoOfAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var body = await new StreamReader(request.Body, Encoding.UTF8, false, 1024, leaveOpen: true).ReadToEndAsync();
        request.Body.Position = 0;
        var headers = string.Join("; ", request.Headers.Select(h => $"{h.Key}: {h.Value}"));
        return $" [echo of the request: {request.Method} {request.Path}{request.QueryString} | {headers} | body: {body}]";
    }

    private static string WithEcho(string body, string? contentType, string echo)
    {
        var type = contentType ?? "";
        try
        {
            if (type.Contains("json", StringComparison.OrdinalIgnoreCase) && JsonNode.Parse(body) is JsonObject json)
            {
                if (!AppendToMessages(json, echo)) json["message"] = echo.Trim();
                return json.ToJsonString();
            }
            if (type.Contains("xml", StringComparison.OrdinalIgnoreCase))
            {
                var xml = XDocument.Parse(body);
                var messages = xml.Descendants().Where(e => e.Name.LocalName == "Message").ToArray();
                foreach (var message in messages) message.Value += echo;
                if (messages.Length > 0) return xml.Declaration + xml.ToString(SaveOptions.DisableFormatting);
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            // Not the envelope it says it is: the echo goes after the text as it is.
        }
        return body + echo;
    }

    /// <returns>Whether any message was found.</returns>
    private static bool AppendToMessages(JsonNode? node, string echo)
    {
        var found = false;
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json.ToArray())
                {
                    if (MessageFields.Contains(name) && value is JsonValue text && text.TryGetValue<string>(out var message))
                    {
                        json[name] = message + echo;
                        found = true;
                    }
                    else found |= AppendToMessages(value, echo);
                }
                break;
            case JsonArray array:
                foreach (var item in array) found |= AppendToMessages(item, echo);
                break;
        }
        return found;
    }
}
