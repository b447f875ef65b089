using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DynatraceAws.Core.Aws.Iam;
using Xunit;
using CoreCredentials = DynatraceAws.Core.Aws.AwsCredentials;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>STS as AWSSDK.SecurityToken calls it: its requests verify and parse, its parser reads the answers.</summary>
public sealed class StsSdkTests : IClassFixture<AwsEmulatorFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AwsEmulatorFixture _emulator;

    public StsSdkTests(AwsEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task GetCallerIdentity_names_the_account_root()
    {
        var keys = _emulator.NewAccount();
        using var sts = Sts(new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey));

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal((keys.AccountId, $"arn:aws:iam::{keys.AccountId}:root", keys.AccountId), (identity.Account, identity.Arn, identity.UserId));
    }

    [Fact]
    public async Task AssumeRole_issues_temporary_keys_that_act_in_the_roles_account_until_they_expire()
    {
        var dynatrace = _emulator.NewAccount();
        var customer = _emulator.NewAccount();
        var role = await _emulator.Iam(customer).CreateRoleAsync(
            new CreateRoleRequest("DynatraceMonitoringRole", Documents.Trust($"arn:aws:iam::{dynatrace.AccountId}:root", "object-id")), None);
        using var sts = Sts(new BasicAWSCredentials(dynatrace.AccessKeyId, dynatrace.SecretAccessKey));

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = role.Arn, RoleSessionName = "onboarding", ExternalId = "object-id", DurationSeconds = 900,
        });

        var credentials = assumed.Credentials;
        Assert.StartsWith("ASIA", credentials.AccessKeyId);
        Assert.DoesNotMatch("^ASIA[0-9A-Z]{16}$", credentials.AccessKeyId);
        Assert.InRange(credentials.Expiration!.Value, DateTime.UtcNow.AddSeconds(880), DateTime.UtcNow.AddSeconds(920));
        Assert.Equal($"arn:aws:sts::{customer.AccountId}:assumed-role/DynatraceMonitoringRole/onboarding", assumed.AssumedRoleUser.Arn);
        Assert.Equal($"{role.RoleId}:onboarding", assumed.AssumedRoleUser.AssumedRoleId);

        var temporary = new CoreCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        await _emulator.Iam(temporary).CreatePolicyAsync(new CreatePolicyRequest("FromTheSession", Documents.Permissions("s3:GetObject")), None);
        Assert.Contains(_emulator.Aws.Policies(customer.AccountId), p => p.Name == "FromTheSession");
        Assert.Empty(_emulator.Aws.Policies(dynatrace.AccountId));

        var clock = new SteppedClock();
        _emulator.Aws.Clock = clock;
        try
        {
            clock.Advance(TimeSpan.FromSeconds(901));
            var expired = await Assert.ThrowsAsync<IamException>(() => _emulator.Iam(temporary).GetRoleAsync("DynatraceMonitoringRole", None));
            Assert.Equal(("ExpiredToken", HttpStatusCode.Forbidden), (expired.Code, expired.StatusCode));
        }
        finally
        {
            _emulator.Aws.Clock = TimeProvider.System;
        }
    }

    [Fact]
    public async Task AssumeRole_without_the_external_id_the_trust_policy_requires_is_AccessDenied()
    {
        var keys = _emulator.NewAccount();
        var role = await _emulator.Iam(keys).CreateRoleAsync(
            new CreateRoleRequest("Guarded", Documents.Trust($"arn:aws:iam::{keys.AccountId}:root", "object-id")), None);
        using var sts = Sts(new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey));

        var denied = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "onboarding", ExternalId = "other-id" }));

        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (denied.ErrorCode, denied.StatusCode));
        Assert.Equal($"User: arn:aws:iam::{keys.AccountId}:root is not authorized to perform: sts:AssumeRole on resource: {role.Arn}", denied.Message);
    }

    [Fact]
    public async Task Durations_beyond_the_roles_maximum_or_the_role_chaining_hour_are_refused()
    {
        var keys = _emulator.NewAccount();
        var credentials = AwsEmulatorFixture.Credentials(keys);
        var created = await _emulator.Query.IamAsync(credentials, "CreateRole", ("RoleName", "Long"),
            ("AssumeRolePolicyDocument", Documents.Trust(keys.AccountId)), ("MaxSessionDuration", "7200"));
        var roleArn = created.Find("CreateRoleResult", "Role", "Arn")!.Value;
        using var sts = Sts(new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey));

        var tooLong = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "first", DurationSeconds = 7201 }));
        var session = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "first", DurationSeconds = 7200 })).Credentials;
        using var chained = Sts(new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken));
        var chaining = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            chained.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "second", DurationSeconds = 3601 }));

        Assert.Equal("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", tooLong.Message);
        Assert.Equal("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", chaining.Message);
        Assert.Equal("ValidationError", chaining.ErrorCode);
    }

    private AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = _emulator.Host.BaseUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
}
