using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using Xunit;
using static DynatraceAws.Core.Tests.EmulatorAws.IamAssert;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>Roles through Core's IAM client: trust policies, tags, attachments and deletion, as IAM rules them.</summary>
public sealed class IamRoleRulesTests : IClassFixture<AwsEmulatorFixture>
{
    private const string DynatracePrincipal = "arn:aws:iam::314146291599:root";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AwsEmulatorFixture _emulator;

    public IamRoleRulesTests(AwsEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task A_created_role_reads_back_with_its_trust_policy_tags_description_and_boundary()
    {
        var (iam, account) = NewAccount();
        var boundary = await iam.CreatePolicyAsync(new CreatePolicyRequest("Boundary", Documents.Permissions("s3:*")), None);
        var trust = Documents.Trust(DynatracePrincipal, "object-id");

        var created = await iam.CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", trust, path: "/dynatrace/",
            description: "Dynatrace monitoring", permissionsBoundaryArn: boundary.Arn, tags: [new IamTag("Dynatrace:EnvironmentID", "abc12345")]), None);
        var read = await iam.GetRoleAsync("dynatracemonitoringrole", None);

        Assert.Equal($"arn:aws:iam::{account}:role/dynatrace/DynatraceMonitoringRole", read.Arn);
        Assert.Equal(created.RoleId, read.RoleId);
        Assert.StartsWith("AROA", read.RoleId);
        Assert.Equal(trust, read.AssumeRolePolicyDocument);
        Assert.Equal(("Dynatrace monitoring", 3600, boundary.Arn), (read.Description, read.MaxSessionDuration, read.PermissionsBoundaryArn));
        Assert.Equal("Dynatrace:EnvironmentID=abc12345", Assert.Single(read.Tags).ToString());
        await FailsAsync(() => iam.DeletePolicyAsync(boundary.Arn, None),
            "DeleteConflict", HttpStatusCode.Conflict, "Cannot delete a policy attached to entities.");
    }

    [Fact]
    public async Task Role_names_are_unique_whatever_their_case_and_a_missing_role_is_named_in_the_error()
    {
        var (iam, _) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust(DynatracePrincipal)), None);

        await FailsAsync(() => iam.CreateRoleAsync(new CreateRoleRequest("DYNATRACEMONITORINGROLE", Documents.Trust(DynatracePrincipal)), None),
            "EntityAlreadyExists", HttpStatusCode.Conflict, "Role with name DYNATRACEMONITORINGROLE already exists.");
        await FailsAsync(() => iam.GetRoleAsync("Missing", None), "NoSuchEntity", HttpStatusCode.NotFound, "The role with name Missing cannot be found.");
    }

    [Fact]
    public async Task A_trust_policy_over_2048_characters_exceeds_the_quota_on_create_and_on_update()
    {
        var (iam, _) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("AtLimit", Documents.TrustOfLength(DynatracePrincipal, 2048)), None);

        await FailsAsync(() => iam.CreateRoleAsync(new CreateRoleRequest("OverLimit", Documents.TrustOfLength(DynatracePrincipal, 2049)), None),
            "LimitExceeded", HttpStatusCode.Conflict, "Cannot exceed quota for ACLSizePerRole: 2048");
        await FailsAsync(() => iam.UpdateAssumeRolePolicyAsync("AtLimit", Documents.TrustOfLength(DynatracePrincipal, 2049), None),
            "LimitExceeded", HttpStatusCode.Conflict, "Cannot exceed quota for ACLSizePerRole: 2048");
    }

    [Theory]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::314146291599:root\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}",
        "Has prohibited field Resource.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::314146291599:root\"},\"Action\":\"s3:GetObject\"}]}",
        "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}", "Missing required field Principal")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"dynatrace\"},\"Action\":\"sts:AssumeRole\"}]}",
        "Invalid principal in policy: \"AWS\":\"dynatrace\"")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::314146291599:root\"},\"Action\":\"sts:AssumeRole\"}",
        "Syntax errors in policy.")]
    public async Task A_malformed_trust_policy_is_refused_on_create_and_on_update(string document, string reason)
    {
        var (iam, account) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("Existing", Documents.Trust(DynatracePrincipal)), None);

        await FailsAsync(() => iam.CreateRoleAsync(new CreateRoleRequest("Malformed", document), None),
            "MalformedPolicyDocument", HttpStatusCode.BadRequest, reason);
        await FailsAsync(() => iam.UpdateAssumeRolePolicyAsync("Existing", document, None),
            "MalformedPolicyDocument", HttpStatusCode.BadRequest, reason);
        Assert.Equal(Documents.Trust(DynatracePrincipal), Assert.Single(_emulator.Aws.Roles(account)).TrustPolicy);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_replaces_the_trust_policy()
    {
        var (iam, _) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("Updated", Documents.Trust(DynatracePrincipal, "old-id")), None);

        await iam.UpdateAssumeRolePolicyAsync("Updated", Documents.Trust(DynatracePrincipal, "new-id"), None);

        Assert.Equal(Documents.Trust(DynatracePrincipal, "new-id"), (await iam.GetRoleAsync("Updated", None)).AssumeRolePolicyDocument);
    }

    [Fact]
    public async Task The_test_hook_makes_the_next_creates_fail_with_an_invalid_principal_as_while_iam_propagates()
    {
        var (iam, account) = NewAccount();
        _emulator.Aws.FailCreateRoleWithInvalidPrincipal(2);
        var request = new CreateRoleRequest("Propagating", Documents.Trust(DynatracePrincipal, "object-id"));

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await FailsAsync(() => iam.CreateRoleAsync(request, None), "MalformedPolicyDocument", HttpStatusCode.BadRequest,
                $"Invalid principal in policy: \"AWS\":\"{DynatracePrincipal}\"");
        }
        await iam.CreateRoleAsync(request, None);

        Assert.Single(_emulator.Aws.Roles(account));
    }

    [Fact]
    public async Task TagRole_replaces_a_value_under_a_key_of_any_case_and_adds_the_others()
    {
        var (iam, account) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("Tagged", Documents.Trust(DynatracePrincipal), tags: [new IamTag("Dynatrace:EnvironmentID", "old")]), None);

        await iam.TagRoleAsync("Tagged", [new IamTag("dynatrace:environmentid", "abc12345"), new IamTag("Owner", "platform")], None);

        var tags = Assert.Single(_emulator.Aws.Roles(account)).Tags;
        Assert.Equal(2, tags.Count);
        Assert.Equal("abc12345", tags["Dynatrace:EnvironmentID"]);
        Assert.Equal(["dynatrace:environmentid=abc12345", "Owner=platform"], (await iam.GetRoleAsync("Tagged", None)).Tags.Select(t => t.ToString()));
    }

    [Fact]
    public async Task Tags_follow_IAMs_rules()
    {
        var (iam, _) = NewAccount();
        CreateRoleRequest WithTags(params IamTag[] tags) => new("Tagged", Documents.Trust(DynatracePrincipal), tags: tags);

        await FailsAsync(() => iam.CreateRoleAsync(WithTags(new IamTag("Env", "a"), new IamTag("env", "b")), None),
            "InvalidInput", HttpStatusCode.BadRequest, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        await FailsAsync(() => iam.CreateRoleAsync(WithTags(new IamTag("aws:reserved", "a")), None), "InvalidInput", HttpStatusCode.BadRequest);
        await FailsAsync(() => iam.CreateRoleAsync(WithTags(new IamTag("Env", "a*b")), None), "ValidationError", HttpStatusCode.BadRequest,
            "1 validation error detected: Value 'a*b' at 'tags.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        await FailsAsync(() => iam.CreateRoleAsync(WithTags(new IamTag(new string('k', 129), "a")), None), "ValidationError", HttpStatusCode.BadRequest);
        await FailsAsync(() => iam.CreateRoleAsync(WithTags(Enumerable.Range(1, 51).Select(i => new IamTag($"k{i}", "v")).ToArray()), None),
            "ValidationError", HttpStatusCode.BadRequest);
        await iam.CreateRoleAsync(WithTags(Enumerable.Range(1, 50).Select(i => new IamTag($"k{i}", "v")).ToArray()), None);
        await FailsAsync(() => iam.TagRoleAsync("Tagged", [new IamTag("k51", "v")], None), "LimitExceeded", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Attaching_twice_changes_nothing_and_the_eleventh_policy_exceeds_the_quota()
    {
        var (iam, account) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("Busy", Documents.Trust(DynatracePrincipal)), None);
        var policies = await Task.WhenAll(Enumerable.Range(1, 11).Select(i =>
            iam.CreatePolicyAsync(new CreatePolicyRequest($"Policy{i}", Documents.Permissions("s3:GetObject")), None)));

        await iam.AttachRolePolicyAsync("Busy", policies[0].Arn, None);
        await iam.AttachRolePolicyAsync("Busy", policies[0].Arn, None);
        Assert.Equal(1, (await iam.GetPolicyAsync(policies[0].Arn, None)).AttachmentCount);
        foreach (var policy in policies.Skip(1).Take(9)) await iam.AttachRolePolicyAsync("Busy", policy.Arn, None);

        await FailsAsync(() => iam.AttachRolePolicyAsync("Busy", policies[10].Arn, None),
            "LimitExceeded", HttpStatusCode.Conflict, "Cannot exceed quota for PoliciesPerRole: 10");
        Assert.Equal(policies.Take(10).Select(p => p.Arn), (await iam.ListAttachedRolePoliciesAsync("Busy", None)).Select(p => p.PolicyArn));
        Assert.Equal(10, Assert.Single(_emulator.Aws.Roles(account)).AttachedPolicyArns.Count);
    }

    [Fact]
    public async Task Attaching_or_detaching_what_does_not_exist_is_no_such_entity()
    {
        var (iam, account) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("Lonely", Documents.Trust(DynatracePrincipal)), None);
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("Unattached", Documents.Permissions("s3:GetObject")), None);
        var missing = $"arn:aws:iam::{account}:policy/Missing";

        await FailsAsync(() => iam.AttachRolePolicyAsync("Lonely", missing, None),
            "NoSuchEntity", HttpStatusCode.NotFound, $"Policy {missing} does not exist or is not attachable.");
        await FailsAsync(() => iam.AttachRolePolicyAsync("Nobody", policy.Arn, None),
            "NoSuchEntity", HttpStatusCode.NotFound, "The role with name Nobody cannot be found.");
        await FailsAsync(() => iam.DetachRolePolicyAsync("Lonely", policy.Arn, None),
            "NoSuchEntity", HttpStatusCode.NotFound, $"Policy {policy.Arn} was not found.");
    }

    [Fact]
    public async Task A_role_is_deleted_only_once_its_policies_are_detached()
    {
        var (iam, account) = NewAccount();
        await iam.CreateRoleAsync(new CreateRoleRequest("Attached", Documents.Trust(DynatracePrincipal)), None);
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("Kept", Documents.Permissions("s3:GetObject")), None);
        await iam.AttachRolePolicyAsync("Attached", policy.Arn, None);

        await FailsAsync(() => iam.DeleteRoleAsync("Attached", None),
            "DeleteConflict", HttpStatusCode.Conflict, "Cannot delete entity, must detach all policies first.");
        await iam.DetachRolePolicyAsync("Attached", policy.Arn, None);
        await iam.DeleteRoleAsync("Attached", None);

        Assert.Empty(_emulator.Aws.Roles(account));
        await FailsAsync(() => iam.DeleteRoleAsync("Attached", None), "NoSuchEntity", HttpStatusCode.NotFound);
    }

    private (IamClient Iam, string AccountId) NewAccount()
    {
        var keys = _emulator.NewAccount();
        return (_emulator.Iam(keys), keys.AccountId);
    }
}
