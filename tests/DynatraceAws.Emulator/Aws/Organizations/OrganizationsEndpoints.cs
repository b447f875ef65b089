using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DynatraceAws.Emulator.Aws.Query;
using DynatraceAws.Emulator.Aws.Signing;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Aws.Organizations;

/// <summary>
/// AWS Organizations on POST /, the JSON 1.1 protocol: X-Amz-Target names the operation, the body
/// and the answer are JSON, errors are {"__type", "Message"}. Only the management account may read.
/// </summary>
internal static class OrganizationsEndpoints
{
    public const string TargetPrefix = "AWSOrganizationsV20161128.";
    private const string SigningRegion = "us-east-1";
    private const string ContentType = "application/x-amz-json-1.1";

    private static readonly IReadOnlyDictionary<string, Func<EmulatedOrganization, JsonObject, JsonObject>> Operations =
        new Dictionary<string, Func<EmulatedOrganization, JsonObject, JsonObject>>
        {
            ["DescribeOrganization"] = (organization, _) => DescribeOrganization(organization),
            ["ListRoots"] = (organization, request) =>
                Paged("ListRoots", null, "Roots", organization.Roots().Select(Unit).ToArray(), request),
            ["ListOrganizationalUnitsForParent"] = (organization, request) =>
                Paged("ListOrganizationalUnitsForParent", ParentId(request), "OrganizationalUnits",
                    organization.UnitsIn(ParentId(request)).Select(Unit).ToArray(), request),
            ["ListAccountsForParent"] = (organization, request) =>
                Paged("ListAccountsForParent", ParentId(request), "Accounts",
                    organization.AccountsIn(ParentId(request)).Select(Account).ToArray(), request),
            ["ListAccounts"] = (organization, request) =>
                Paged("ListAccounts", null, "Accounts", organization.AccountsIn(null).Select(Account).ToArray(), request),
        };

    public static bool Handles(HttpRequest request) => request.Headers.ContainsKey("X-Amz-Target");

    public static async Task HandleAsync(HttpContext context, AwsState state)
    {
        var requestId = AwsXml.NewRequestId();
        string json;
        try
        {
            var body = await AwsEndpoints.BodyAsync(context.Request);
            var authorization = AuthorizationHeader.Parse(context.Request.Headers.Authorization);
            if (authorization.Service != "organizations" || authorization.Region != SigningRegion)
                throw new AwsError(400, "InvalidSignatureException", $"Credential should be scoped to a valid region and the service organizations, not '{authorization.Region}/{authorization.Service}'.");
            var caller = SignatureVerifier.Verify(context.Request, body, authorization, state.FindKey, state.Now);
            var operation = Operation(context.Request.Headers["X-Amz-Target"].ToString());
            var request = Body(body);
            Authorize(state.Organization, caller);
            json = (TrafficMiddleware.RepeatsPageKey(context)
                ? RepeatedPageKey.Organizations(operation(state.Organization, Without(request, "NextToken")), (string?)request["NextToken"])
                : operation(state.Organization, request)).ToJsonString();
        }
        catch (AwsError error)
        {
            context.Response.StatusCode = error.Status;
            json = new JsonObject { ["__type"] = JsonCode(error.Code), ["Message"] = error.Message }.ToJsonString();
        }

        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.WriteAsync(json);
    }

    private static Func<EmulatedOrganization, JsonObject, JsonObject> Operation(string target) =>
        target.StartsWith(TargetPrefix, StringComparison.Ordinal) && Operations.TryGetValue(target[TargetPrefix.Length..], out var operation)
            ? operation
            : throw new AwsError(400, "UnknownOperationException", $"The emulator does not serve the operation '{target}'.");

    /// <summary>Member accounts may not read the organization; accounts outside it have none.</summary>
    private static void Authorize(EmulatedOrganization organization, AwsCaller caller)
    {
        if (!organization.HasMember(caller.AccountId)) throw EmulatedOrganization.NotInUse();
        if (organization.ManagementAccountId != caller.AccountId)
            throw new AwsError(400, "AccessDeniedException", "You don't have permissions to access this resource.");
    }

    private static JsonObject Without(JsonObject request, string member)
    {
        var copy = (JsonObject)request.DeepClone();
        copy.Remove(member);
        return copy;
    }

    private static JsonObject Body(byte[] body)
    {
        try
        {
            return (body.Length == 0 ? new JsonObject() : JsonNode.Parse(body) as JsonObject)
                   ?? throw new AwsError(400, "SerializationException", "The request body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new AwsError(400, "SerializationException", "The request body is not JSON.");
        }
    }

    private static string ParentId(JsonObject request) =>
        request["ParentId"]?.GetValue<string>() is { Length: > 0 } id
            ? id
            : throw new AwsError(400, "InvalidInputException", "You must specify a value for the ParentId parameter.");

    private static JsonObject DescribeOrganization(EmulatedOrganization organization)
    {
        var described = organization.Describe();
        return new JsonObject
        {
            ["Organization"] = new JsonObject
            {
                ["Id"] = described.Id,
                ["Arn"] = described.Arn,
                ["FeatureSet"] = "ALL",
                ["MasterAccountArn"] = $"arn:aws:organizations::{described.ManagementAccountId}:account/{described.Id}/{described.ManagementAccountId}",
                ["MasterAccountId"] = described.ManagementAccountId,
                ["MasterAccountEmail"] = described.ManagementEmail,
                ["AvailablePolicyTypes"] = new JsonArray(),
            },
        };
    }

    private static JsonObject Paged(string operation, string? parentId, string listName, IReadOnlyList<JsonObject> all, JsonObject request)
    {
        var page = OrganizationsPaging.Of(operation + "|" + parentId, all, request);
        var answer = new JsonObject { [listName] = new JsonArray(page.Items.ToArray<JsonNode?>()) };
        if (page.NextMarker is not null) answer["NextToken"] = page.NextMarker;
        return answer;
    }

    private static JsonObject Unit(OrganizationUnit unit) => new()
    {
        ["Id"] = unit.Id,
        ["Arn"] = unit.Arn,
        ["Name"] = unit.Name,
    };

    private static JsonObject Account(MemberAccount account) => new()
    {
        ["Id"] = account.Id,
        ["Arn"] = account.Arn,
        ["Email"] = account.Email,
        ["Name"] = account.Name,
        ["Status"] = account.Status,
        ["State"] = account.State,
        ["JoinedMethod"] = "CREATED",
        ["JoinedTimestamp"] = account.Joined.ToUnixTimeMilliseconds() / 1000.0,
    };

    /// <summary>The signature checks speak the Query protocol's codes; the JSON protocol names them differently.</summary>
    private static string JsonCode(string code) => code switch
    {
        "SignatureDoesNotMatch" or "IncompleteSignature" => "InvalidSignatureException",
        "InvalidClientTokenId" or "MissingAuthenticationToken" => "UnrecognizedClientException",
        "ExpiredToken" => "ExpiredTokenException",
        _ => code,
    };
}
