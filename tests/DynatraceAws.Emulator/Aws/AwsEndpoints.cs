using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DynatraceAws.Emulator.Aws.Iam;
using DynatraceAws.Emulator.Aws.Organizations;
using DynatraceAws.Emulator.Aws.Query;
using DynatraceAws.Emulator.Aws.Signing;
using DynatraceAws.Emulator.Aws.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Aws;

/// <summary>
/// IAM and STS on POST /, the Query protocol: a signed form names the action, the answer is XML.
/// The service is the one the request was signed for, as the credential scope names it.
/// </summary>
internal static class AwsEndpoints
{
    private static readonly IReadOnlyDictionary<string, AwsService> Services = new Dictionary<string, AwsService>
    {
        [IamService.Definition.SigningName] = IamService.Definition,
        [StsService.Definition.SigningName] = StsService.Definition,
    };

    public static void Map(WebApplication app, AwsState state) =>
        app.MapPost("/", (HttpContext context) =>
            OrganizationsEndpoints.Handles(context.Request) ? OrganizationsEndpoints.HandleAsync(context, state) : HandleAsync(context, state));

    private static async Task HandleAsync(HttpContext context, AwsState state)
    {
        var requestId = AwsXml.NewRequestId();
        var service = IamService.Definition;
        string xml;
        try
        {
            var body = await BodyAsync(context.Request);
            var authorization = AuthorizationHeader.Parse(context.Request.Headers.Authorization);
            service = Services.GetValueOrDefault(authorization.Service)
                ?? throw new AwsError(400, "InvalidAction", $"The emulator serves IAM and STS, not '{authorization.Service}'.");
            var caller = SignatureVerifier.Verify(context.Request, body, authorization, state.FindKey, state.Now);
            var parameters = QueryParameters.FromForm(Encoding.UTF8.GetString(body));
            if (service == IamService.Definition) state.IamWrites.Spend(caller.AccountId, parameters.Action, state.Now);
            var result = TrafficMiddleware.RepeatsPageKey(context)
                ? RepeatedPageKey.Iam(state.Run(service.Operation(parameters), caller, parameters.Without("Marker")), parameters.Raw("Marker"))
                : state.Run(service.Operation(parameters), caller, parameters);
            xml = AwsXml.Response(service.XmlNamespace, parameters.Action, result, requestId);
        }
        catch (AwsError error)
        {
            context.Response.StatusCode = error.Status;
            xml = AwsXml.Error(service.XmlNamespace, error.FaultType, error.Code, error.Message, requestId);
        }

        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.WriteAsync(xml);
    }

    /// <summary>The body as sent: the signature covers its exact bytes.</summary>
    internal static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        return copy.ToArray();
    }
}
