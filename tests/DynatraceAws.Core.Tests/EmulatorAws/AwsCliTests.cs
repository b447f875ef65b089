using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>
/// The emulator as AWS's own tooling sees it: the real AWS CLI signs, serializes and parses. Each
/// invocation costs about half a second, so the tests run few, in parallel where they are independent.
/// </summary>
public sealed class AwsCliTests : IClassFixture<AwsEmulatorFixture>, IDisposable
{
    private readonly AwsEmulatorFixture _emulator;
    private readonly AwsCli _cli;

    public AwsCliTests(AwsEmulatorFixture emulator)
    {
        _emulator = emulator;
        _cli = new AwsCli(emulator.Host.BaseUrl);
    }

    [Fact]
    public async Task Creates_reads_attaches_detaches_and_deletes_the_monitoring_policy_and_role()
    {
        var keys = _emulator.NewAccount();
        var credentials = AwsEmulatorFixture.Credentials(keys);
        var policyArn = $"arn:aws:iam::{keys.AccountId}:policy/{MonitoringPolicies.FirstName}";
        var trust = Documents.Trust("arn:aws:iam::314146291599:root", "connection-object-id");

        var created = await RunAsync(credentials, "iam", "create-policy", "--policy-name", MonitoringPolicies.FirstName,
            "--policy-document", MonitoringPolicies.First);
        Assert.Equal(policyArn, created.Json.GetProperty("Policy").GetProperty("Arn").GetString());

        var policy = (await RunAsync(credentials, "iam", "get-policy", "--policy-arn", policyArn)).Json.GetProperty("Policy");
        Assert.Equal("v1", policy.GetProperty("DefaultVersionId").GetString());

        var version = await RunAsync(credentials, "iam", "get-policy-version", "--policy-arn", policyArn, "--version-id", "v1");
        AssertSameJson(MonitoringPolicies.First, version.Json.GetProperty("PolicyVersion").GetProperty("Document"));

        await RunAsync(credentials, "iam", "create-role", "--role-name", "DynatraceMonitoringRole", "--assume-role-policy-document", trust,
            "--tags", "Key=Dynatrace:EnvironmentID,Value=abc12345");
        var role = (await RunAsync(credentials, "iam", "get-role", "--role-name", "DynatraceMonitoringRole")).Json.GetProperty("Role");
        AssertSameJson(trust, role.GetProperty("AssumeRolePolicyDocument"));
        var tag = Assert.Single(role.GetProperty("Tags").EnumerateArray());
        Assert.Equal(("Dynatrace:EnvironmentID", "abc12345"), (tag.GetProperty("Key").GetString(), tag.GetProperty("Value").GetString()));

        await RunAsync(credentials, "iam", "attach-role-policy", "--role-name", "DynatraceMonitoringRole", "--policy-arn", policyArn);
        var attached = await RunAsync(credentials, "iam", "list-attached-role-policies", "--role-name", "DynatraceMonitoringRole");
        Assert.Equal(policyArn, Assert.Single(attached.Json.GetProperty("AttachedPolicies").EnumerateArray()).GetProperty("PolicyArn").GetString());

        await RunAsync(credentials, "iam", "detach-role-policy", "--role-name", "DynatraceMonitoringRole", "--policy-arn", policyArn);
        await RunAsync(credentials, "iam", "delete-role", "--role-name", "DynatraceMonitoringRole");
        await RunAsync(credentials, "iam", "delete-policy", "--policy-arn", policyArn);
        Assert.Empty(_emulator.Aws.Roles(keys.AccountId));
        Assert.Empty(_emulator.Aws.Policies(keys.AccountId));
    }

    [Fact]
    public async Task Iam_errors_reach_the_cli_with_their_codes_and_messages()
    {
        var keys = _emulator.NewAccount();
        var credentials = AwsEmulatorFixture.Credentials(keys);
        await _emulator.Iam(keys).CreateRoleAsync(new CreateRoleRequest("ExistingRole", Documents.Trust(keys.AccountId)), CancellationToken.None);

        var results = await Task.WhenAll(
            _cli.RunAsync(credentials, "iam", "create-policy", "--policy-name", "TooLarge", "--policy-document", Documents.PermissionsOfLength(6145)),
            _cli.RunAsync(credentials, "iam", "create-role", "--role-name", "existingrole", "--assume-role-policy-document", Documents.Trust(keys.AccountId)),
            _cli.RunAsync(new AwsCredentials(keys.AccessKeyId, "not-the-secret"), "iam", "list-roles"));

        AssertFailed(results[0], "LimitExceeded", "Cannot exceed quota for PolicySize: 6144");
        AssertFailed(results[1], "EntityAlreadyExists", "Role with name existingrole already exists.");
        AssertFailed(results[2], "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    [Fact]
    public async Task Sts_names_the_caller_and_assumes_a_role_only_with_the_external_id_its_trust_policy_requires()
    {
        var dynatrace = _emulator.NewAccount();
        var customer = _emulator.NewAccount();
        var caller = AwsEmulatorFixture.Credentials(dynatrace);
        var role = await _emulator.Iam(customer).CreateRoleAsync(
            new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust(RootArn(dynatrace.AccountId), "the-object-id")),
            CancellationToken.None);
        string[] AssumeRole(params string[] externalId) =>
            ["sts", "assume-role", "--role-arn", role.Arn, "--role-session-name", "dynatrace", .. externalId];

        var results = await Task.WhenAll(
            _cli.RunAsync(caller, "sts", "get-caller-identity"),
            _cli.RunAsync(caller, AssumeRole("--external-id", "the-object-id")),
            _cli.RunAsync(caller, AssumeRole("--external-id", "another-object-id")),
            _cli.RunAsync(caller, AssumeRole()));

        var identity = Succeeded(results[0]).Json;
        Assert.Equal(dynatrace.AccountId, identity.GetProperty("Account").GetString());
        Assert.Equal(RootArn(dynatrace.AccountId), identity.GetProperty("Arn").GetString());
        var session = Succeeded(results[1]).Json.GetProperty("Credentials");
        var denial = $"User: {RootArn(dynatrace.AccountId)} is not authorized to perform: sts:AssumeRole on resource: {role.Arn}";
        AssertFailed(results[2], "AccessDenied", denial);
        AssertFailed(results[3], "AccessDenied", denial);

        var temporary = new AwsCredentials(session.GetProperty("AccessKeyId").GetString()!, session.GetProperty("SecretAccessKey").GetString()!,
            session.GetProperty("SessionToken").GetString());
        var assumed = (await RunAsync(temporary, "sts", "get-caller-identity")).Json;
        Assert.Equal(customer.AccountId, assumed.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:sts::{customer.AccountId}:assumed-role/DynatraceMonitoringRole/dynatrace", assumed.GetProperty("Arn").GetString());
    }

    public void Dispose() => _cli.Dispose();

    private static string RootArn(string accountId) => $"arn:aws:iam::{accountId}:root";

    private async Task<CliResult> RunAsync(AwsCredentials credentials, params string[] arguments) =>
        Succeeded(await _cli.RunAsync(credentials, arguments));

    private static CliResult Succeeded(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>AWS CLI v1 exits 255 on any error; v2 exits 254 on an error the service answered.</summary>
    private static void AssertFailed(CliResult result, string code, string message)
    {
        Assert.True(result.ExitCode is 254 or 255, result.ToString());
        Assert.Contains($"An error occurred ({code})", result.Stderr);
        Assert.Contains(message, result.Stderr);
    }

    /// <summary>The CLI decodes IAM's percent-encoded documents and prints them as JSON.</summary>
    private static void AssertSameJson(string expected, JsonElement actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())), actual.GetRawText());
}
