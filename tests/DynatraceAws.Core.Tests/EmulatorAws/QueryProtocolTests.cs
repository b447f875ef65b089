using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>The Query protocol as IAM and STS speak it: envelopes, namespaces, error shapes, paging, and one state under concurrent writes.</summary>
public sealed class QueryProtocolTests : IClassFixture<AwsEmulatorFixture>
{
    private const string IamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/";
    private const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AwsEmulatorFixture _emulator;

    public QueryProtocolTests(AwsEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task A_result_comes_in_its_action_envelope_in_the_iam_namespace_with_a_request_id()
    {
        var keys = _emulator.NewAccount();

        var answer = await _emulator.Query.IamAsync(AwsEmulatorFixture.Credentials(keys), "CreateRole",
            ("RoleName", "Enveloped"), ("AssumeRolePolicyDocument", Documents.Trust(keys.AccountId)));

        Assert.Equal((HttpStatusCode.OK, "text/xml"), (answer.Status, answer.MediaType));
        Assert.Equal("{" + IamNamespace + "}CreateRoleResponse", answer.Root.Name.ToString());
        Assert.Equal("Enveloped", answer.Find("CreateRoleResult", "Role", "RoleName")?.Value);
        Assert.True(Guid.TryParse(answer.Find("ResponseMetadata", "RequestId")?.Value, out _));
        Assert.Equal(Uri.EscapeDataString(Documents.Trust(keys.AccountId)), answer.Find("CreateRoleResult", "Role", "AssumeRolePolicyDocument")?.Value);
    }

    [Fact]
    public async Task An_action_without_output_answers_with_response_metadata_only()
    {
        var keys = _emulator.NewAccount();
        var credentials = AwsEmulatorFixture.Credentials(keys);
        await _emulator.Iam(keys).CreateRoleAsync(new CreateRoleRequest("Quiet", Documents.Trust(keys.AccountId)), None);

        var answer = await _emulator.Query.IamAsync(credentials, "TagRole",
            ("RoleName", "Quiet"), ("Tags.member.1.Key", "Owner"), ("Tags.member.1.Value", "platform"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["ResponseMetadata"], answer.Root.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task An_unknown_action_or_api_version_is_InvalidAction_in_the_error_envelope()
    {
        var credentials = AwsEmulatorFixture.Credentials(_emulator.NewAccount());

        var unknown = await _emulator.Query.IamAsync(credentials, "DescribeEverything");
        var oldVersion = await _emulator.Query.SendAsync("iam", "2009-01-01", credentials, "GetRole", [("RoleName", "x")]);
        var sts = await _emulator.Query.StsAsync(credentials, "GetSessionToken");

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidAction", "Could not find operation DescribeEverything for version 2010-05-08"),
            (unknown.Status, unknown.ErrorCode, unknown.ErrorMessage));
        Assert.Equal("{" + IamNamespace + "}ErrorResponse", unknown.Root.Name.ToString());
        Assert.Equal("Sender", unknown.Find("Error", "Type")?.Value);
        Assert.NotNull(unknown.Find("RequestId"));
        Assert.Equal("Could not find operation GetRole for version 2009-01-01", oldVersion.ErrorMessage);
        Assert.Equal("{" + StsNamespace + "}ErrorResponse", sts.Root.Name.ToString());
    }

    [Fact]
    public async Task A_missing_member_or_one_outside_its_constraints_is_a_validation_error()
    {
        var credentials = AwsEmulatorFixture.Credentials(_emulator.NewAccount());

        var missing = await _emulator.Query.IamAsync(credentials, "GetRole");
        var tooLong = await _emulator.Query.IamAsync(credentials, "GetRole", ("RoleName", new string('r', 65)));

        Assert.Equal((HttpStatusCode.BadRequest, "ValidationError"), (missing.Status, missing.ErrorCode));
        Assert.Equal("1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null", missing.ErrorMessage);
        Assert.Equal($"1 validation error detected: Value '{new string('r', 65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
            tooLong.ErrorMessage);
    }

    [Fact]
    public async Task Lists_page_by_MaxItems_and_an_opaque_Marker()
    {
        var keys = _emulator.NewAccount();
        var credentials = AwsEmulatorFixture.Credentials(keys);
        var iam = _emulator.Iam(keys);
        await iam.CreateRoleAsync(new CreateRoleRequest("Paged", Documents.Trust(keys.AccountId)), None);
        foreach (var name in new[] { "A", "B", "C" })
        {
            var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest(name, Documents.Permissions("s3:GetObject")), None);
            await iam.AttachRolePolicyAsync("Paged", policy.Arn, None);
        }

        var names = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await _emulator.Query.IamAsync(credentials, "ListAttachedRolePolicies",
                [("RoleName", "Paged"), ("MaxItems", "2"), .. marker is null ? Array.Empty<(string, string)>() : [("Marker", marker)]]);
            names.AddRange(page.Members("ListAttachedRolePoliciesResult", "AttachedPolicies").Select(m => m.Elements().First().Value));
            marker = page.Find("ListAttachedRolePoliciesResult", "IsTruncated")?.Value == "true"
                ? page.Find("ListAttachedRolePoliciesResult", "Marker")!.Value
                : null;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(2, pages);
        Assert.Equal(["A", "B", "C"], names);
        var forged = await _emulator.Query.IamAsync(credentials, "ListAttachedRolePolicies", ("RoleName", "Paged"), ("Marker", "2"));
        var zero = await _emulator.Query.IamAsync(credentials, "ListAttachedRolePolicies", ("RoleName", "Paged"), ("MaxItems", "0"));
        Assert.Equal(("InvalidInput", "ValidationError"), (forged.ErrorCode, zero.ErrorCode));
    }

    [Fact]
    public async Task The_cli_listings_and_the_account_summary_answer()
    {
        var keys = _emulator.NewAccount();
        var credentials = AwsEmulatorFixture.Credentials(keys);
        var iam = _emulator.Iam(keys);
        await iam.CreateRoleAsync(new CreateRoleRequest("Listed", Documents.Trust(keys.AccountId), path: "/team/"), None);
        await iam.CreatePolicyAsync(new CreatePolicyRequest("Listed", Documents.Permissions("s3:GetObject")), None);

        var roles = await _emulator.Query.IamAsync(credentials, "ListRoles", ("PathPrefix", "/team/"));
        var local = await _emulator.Query.IamAsync(credentials, "ListPolicies", ("Scope", "Local"));
        var awsManaged = await _emulator.Query.IamAsync(credentials, "ListPolicies", ("Scope", "AWS"));
        var summary = await _emulator.Query.IamAsync(credentials, "GetAccountSummary");

        Assert.Equal("Listed", Assert.Single(roles.Members("ListRolesResult", "Roles")).Elements().Single(e => e.Name.LocalName == "RoleName").Value);
        Assert.Single(local.Members("ListPoliciesResult", "Policies"));
        Assert.Empty(awsManaged.Members("ListPoliciesResult", "Policies"));
        var entries = summary.Find("GetAccountSummaryResult", "SummaryMap")!.Elements()
            .ToDictionary(e => e.Elements().First().Value, e => e.Elements().Last().Value);
        Assert.Equal(("1", "1", "6144", "2048", "10", "5"), (entries["Roles"], entries["Policies"], entries["PolicySizeQuota"],
            entries["AssumeRolePolicySizeQuota"], entries["AttachedPoliciesPerRoleQuota"], entries["VersionsPerPolicyQuota"]));
    }

    [Fact]
    public async Task Hundreds_of_concurrent_writes_leave_one_consistent_state()
    {
        var keys = _emulator.NewAccount();
        var iam = _emulator.Iam(keys);
        await iam.CreateRoleAsync(new CreateRoleRequest("Contended", Documents.Trust(keys.AccountId)), None);

        var creates = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Outcome(() =>
            iam.CreatePolicyAsync(new CreatePolicyRequest($"Policy{i % 100}", Documents.Permissions("s3:GetObject")), None))));
        var attaches = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Outcome(() =>
            iam.AttachRolePolicyAsync("Contended", $"arn:aws:iam::{keys.AccountId}:policy/Policy{i % 20}", None))));

        Assert.Equal(100, creates.Count(code => code == "ok"));
        Assert.Equal(200, creates.Count(code => code == "EntityAlreadyExists"));
        Assert.Equal(100, _emulator.Aws.Policies(keys.AccountId).Count);
        Assert.All(attaches, code => Assert.Contains(code, new[] { "ok", "LimitExceeded" }));
        var attached = Assert.Single(_emulator.Aws.Roles(keys.AccountId)).AttachedPolicyArns;
        Assert.Equal(10, attached.Count);
        Assert.Equal(10, attached.Distinct().Count());
    }

    private static async Task<string> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return "ok";
        }
        catch (IamException ex)
        {
            return ex.Code;
        }
    }
}
