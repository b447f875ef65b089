using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Onboarding;
using Xunit;
using static DynatraceAws.Core.Tests.EmulatorAws.IamAssert;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>Customer-managed policies through Core's IAM client: the quotas, version rules and document checks of IAM.</summary>
public sealed class IamPolicyRulesTests : IClassFixture<AwsEmulatorFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AwsEmulatorFixture _emulator;

    public IamPolicyRulesTests(AwsEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task The_seed_policies_are_accepted_and_read_back_as_sent()
    {
        var (iam, account) = NewAccount();

        var first = await iam.CreatePolicyAsync(new CreatePolicyRequest(MonitoringPolicies.FirstName, MonitoringPolicies.First), None);
        await iam.CreatePolicyAsync(new CreatePolicyRequest(MonitoringPolicies.SecondName, MonitoringPolicies.Second), None);

        Assert.Equal($"arn:aws:iam::{account}:policy/{MonitoringPolicies.FirstName}", first.Arn);
        Assert.Equal(MonitoringPolicies.First, (await iam.GetPolicyVersionAsync(first.Arn, "v1", None)).Document);
        Assert.Equal([MonitoringPolicies.FirstName, MonitoringPolicies.SecondName], _emulator.Aws.Policies(account).Select(p => p.Name));
    }

    [Fact]
    public async Task A_document_over_6144_characters_not_counting_whitespace_exceeds_the_quota()
    {
        var (iam, _) = NewAccount();
        var atLimit = Documents.PermissionsOfLength(6144);
        var indented = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(atLimit),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        await iam.CreatePolicyAsync(new CreatePolicyRequest("AtLimit", atLimit), None);
        await iam.CreatePolicyAsync(new CreatePolicyRequest("AtLimitIndented", indented), None);
        await FailsAsync(() => iam.CreatePolicyAsync(new CreatePolicyRequest("OverLimit", Documents.PermissionsOfLength(6145)), None),
            "LimitExceeded", HttpStatusCode.Conflict, "Cannot exceed quota for PolicySize: 6144");
    }

    [Fact]
    public async Task A_policy_keeps_at_most_five_versions_and_never_reuses_a_version_id()
    {
        var (iam, account) = NewAccount();
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("Versioned", Documents.Permissions("s3:GetObject")), None);
        for (var i = 2; i <= 5; i++) await iam.CreatePolicyVersionAsync(policy.Arn, Documents.Permissions($"s3:Get{i}"), setAsDefault: false, None);

        await FailsAsync(() => iam.CreatePolicyVersionAsync(policy.Arn, Documents.Permissions("s3:Get6"), true, None),
            "LimitExceeded", HttpStatusCode.Conflict,
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
        await iam.DeletePolicyVersionAsync(policy.Arn, "v5", None);
        var sixth = await iam.CreatePolicyVersionAsync(policy.Arn, Documents.Permissions("s3:Get6"), setAsDefault: true, None);

        Assert.Equal("v6", sixth.VersionId);
        Assert.Null(sixth.Document);
        Assert.Equal(["v6", "v4", "v3", "v2", "v1"], (await iam.ListPolicyVersionsAsync(policy.Arn, None)).Select(v => v.VersionId));
        var stored = Assert.Single(_emulator.Aws.Policies(account));
        Assert.Equal(("v6", 5, Documents.Permissions("s3:Get6")), (stored.DefaultVersionId, stored.VersionCount, stored.Document));
    }

    [Fact]
    public async Task The_default_version_cannot_be_deleted_and_a_missing_one_is_no_such_entity()
    {
        var (iam, _) = NewAccount();
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("Defaulted", Documents.Permissions("s3:GetObject")), None);

        await FailsAsync(() => iam.DeletePolicyVersionAsync(policy.Arn, "v1", None),
            "DeleteConflict", HttpStatusCode.Conflict, "Cannot delete the default version of a policy.");
        await FailsAsync(() => iam.GetPolicyVersionAsync(policy.Arn, "v7", None),
            "NoSuchEntity", HttpStatusCode.NotFound, $"Policy {policy.Arn} version v7 does not exist or is not attachable.");
    }

    [Fact]
    public async Task A_policy_is_deleted_only_once_detached_and_down_to_its_default_version()
    {
        var (iam, _) = NewAccount();
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("InUse", Documents.Permissions("s3:GetObject")), None);
        await iam.CreatePolicyVersionAsync(policy.Arn, Documents.Permissions("s3:PutObject"), setAsDefault: true, None);
        await iam.CreateRoleAsync(new CreateRoleRequest("User", Documents.Trust("arn:aws:iam::314146291599:root")), None);
        await iam.AttachRolePolicyAsync("User", policy.Arn, None);

        await FailsAsync(() => iam.DeletePolicyAsync(policy.Arn, None),
            "DeleteConflict", HttpStatusCode.Conflict, "Cannot delete a policy attached to entities.");
        await iam.DetachRolePolicyAsync("User", policy.Arn, None);
        await FailsAsync(() => iam.DeletePolicyAsync(policy.Arn, None), "DeleteConflict", HttpStatusCode.Conflict,
            "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
        await iam.DeletePolicyVersionAsync(policy.Arn, "v1", None);
        await iam.DeletePolicyAsync(policy.Arn, None);

        await FailsAsync(() => iam.GetPolicyAsync(policy.Arn, None), "NoSuchEntity", HttpStatusCode.NotFound, $"Policy {policy.Arn} was not found.");
    }

    [Fact]
    public async Task Policy_names_are_unique_in_an_account_whatever_their_case_and_path()
    {
        var (iam, _) = NewAccount();
        await iam.CreatePolicyAsync(new CreatePolicyRequest("DynatraceMonitoringPolicy", Documents.Permissions("s3:GetObject")), None);

        await FailsAsync(
            () => iam.CreatePolicyAsync(new CreatePolicyRequest("dynatracemonitoringpolicy", Documents.Permissions("s3:GetObject"), path: "/dt/"), None),
            "EntityAlreadyExists", HttpStatusCode.Conflict, "A policy called dynatracemonitoringpolicy already exists. Duplicate names are not allowed.");
    }

    [Fact]
    public async Task Description_is_returned_by_GetPolicy_only_and_tags_by_both()
    {
        var (iam, _) = NewAccount();
        var request = new CreatePolicyRequest("Described", Documents.Permissions("s3:GetObject"), path: "/dynatrace/",
            description: "Dynatrace monitoring", tags: [new IamTag("Dynatrace:EnvironmentID", "abc12345")]);

        var created = await iam.CreatePolicyAsync(request, None);
        var read = await iam.GetPolicyAsync(created.Arn, None);

        Assert.Null(created.Description);
        Assert.Equal("Dynatrace monitoring", read.Description);
        Assert.Equal("/dynatrace/", read.Path);
        Assert.EndsWith(":policy/dynatrace/Described", read.Arn);
        Assert.All([created, read], p => Assert.Equal("Dynatrace:EnvironmentID=abc12345", Assert.Single(p.Tags).ToString()));
    }

    [Theory]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}",
        "Policy document should not specify a principal.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}", "Syntax errors in policy.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}", "Syntax errors in policy.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Extra\":1}]}", "Syntax errors in policy.")]
    [InlineData("{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}",
        "Policy document must be version 2012-10-17 or greater.")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}", "Policy document must be version 2012-10-17 or greater.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}", "The policy failed legacy parsing")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}",
        "Statement IDs (SID) in a single policy must be unique.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}", "Policy statement must contain actions.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}", "Policy statement must contain resources.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}]}",
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get:Object\",\"Resource\":\"*\"}]}",
        "Actions/Condition can contain only one colon.")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s 3:GetObject\",\"Resource\":\"*\"}]}", "Vendor s 3 is not valid")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"bucket\"}]}",
        "Resource bucket must be in ARN format or \"*\".")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\",\"Resource\":\"arn:aws:iam:us-east-1:123456789012:role/x\"}]}",
        "IAM resource arn:aws:iam:us-east-1:123456789012:role/x cannot contain region information.")]
    public async Task A_malformed_permissions_policy_is_refused_with_IAMs_reason(string document, string reason)
    {
        var (iam, account) = NewAccount();

        await FailsAsync(() => iam.CreatePolicyAsync(new CreatePolicyRequest("Malformed", document), None),
            "MalformedPolicyDocument", HttpStatusCode.BadRequest, reason);
        Assert.Empty(_emulator.Aws.Policies(account));
    }

    [Fact]
    public async Task A_new_version_is_checked_like_a_new_policy()
    {
        var (iam, _) = NewAccount();
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("Checked", Documents.Permissions("s3:GetObject")), None);

        await FailsAsync(() => iam.CreatePolicyVersionAsync(policy.Arn, Documents.PermissionsOfLength(6145), true, None),
            "LimitExceeded", HttpStatusCode.Conflict, "Cannot exceed quota for PolicySize: 6144");
        await FailsAsync(() => iam.CreatePolicyVersionAsync(policy.Arn, "{}", true, None),
            "MalformedPolicyDocument", HttpStatusCode.BadRequest, "Syntax errors in policy.");
    }

    [Theory]
    [InlineData("Bad Name", "1 validation error detected: Value 'Bad Name' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+")]
    [InlineData("Pölicy", "1 validation error detected: Value 'Pölicy' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+")]
    public async Task Names_outside_the_model_pattern_are_a_validation_error(string name, string message)
    {
        var (iam, _) = NewAccount();

        await FailsAsync(() => iam.CreatePolicyAsync(new CreatePolicyRequest(name, Documents.Permissions("s3:GetObject")), None),
            "ValidationError", HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task A_malformed_arn_is_invalid_input_and_another_accounts_policy_does_not_exist_here()
    {
        var (iam, _) = NewAccount();
        var (other, _) = NewAccount();
        var foreign = await other.CreatePolicyAsync(new CreatePolicyRequest("Foreign", Documents.Permissions("s3:GetObject")), None);

        await FailsAsync(() => iam.GetPolicyAsync("arn:aws:iam::policy-without-account", None),
            "InvalidInput", HttpStatusCode.BadRequest, "ARN arn:aws:iam::policy-without-account is not valid.");
        await FailsAsync(() => iam.GetPolicyAsync(foreign.Arn, None), "NoSuchEntity", HttpStatusCode.NotFound);
    }

    private (IamClient Iam, string AccountId) NewAccount()
    {
        var keys = _emulator.NewAccount();
        return (_emulator.Iam(keys), keys.AccountId);
    }
}
