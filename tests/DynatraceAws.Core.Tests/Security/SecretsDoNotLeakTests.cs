using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Security;

/// <summary>
/// Runs every Core path the cmdlets use, and their failures, with distinctive secrets, then looks
/// for those secrets in everything a user, a log or a file could see (issue "Reliability and security", item 4).
/// </summary>
public class SecretsDoNotLeakTests : EmulatorTest
{
    // Not shaped like a dt0s16 token, so only the registration with the Redactor can hide it.
    private const string Token = "zzPlatformToken-SECRET-7Qp2Lx9v";
    private const string WrongToken = "zzWrongToken-SECRET-3Hk8Rt1m";
    private const string WrongSecret = "zzWrongSecretKey-SECRET-9Vb4Nc6d";

    // Every secret the emulator issues has one of these shapes: long-term and session secret keys, session tokens.
    private static readonly string[] EmulatorSecretShapes = { "emu-secret-", "emu-session-secret-", "emu-session-token-" };

    private static readonly string[] Members = { "310000000001", "310000000002", "310000000003" };
    private const string NotAMember = "319999999999";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SecretSweep _sweep = new();
    private readonly List<string> _secrets = new() { Token, WrongToken, WrongSecret };
    private RetryPolicy Quick { get; } = new(2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1), seed: 1);

    private IReadOnlyList<string> Secrets => _secrets.Concat(EmulatorSecretShapes).ToArray();

    private async Task<T> Keep<T>(string where, Task<T> call)
    {
        var result = await call;
        _sweep.Result(where, result);
        return result;
    }

    private async Task<Exception> Failure(string where, Func<Task> call)
    {
        var error = await Record.ExceptionAsync(call);
        Assert.NotNull(error);
        _sweep.Exception(where, error);
        return error!;
    }

    private void AssertNothingLeaked()
    {
        _sweep.Log(Log);
        _sweep.Requests(Emulator.Log);
        Assert.True(_sweep.Count > 50, $"the sweep saw only {_sweep.Count} texts");
        Assert.Empty(_sweep.Leaks(Secrets));
    }

    private AwsCredentialOptions Keys(string accessKey, string secret, string? sessionToken = null, string? assumeRoleName = null) => new()
    {
        AccessKey = accessKey,
        SecretKey = Secure(secret),
        SessionToken = sessionToken is null ? null : Secure(sessionToken),
        Region = "us-east-1",
        EndpointUrl = Emulator.BaseUrl,
        AssumeRoleName = assumeRoleName,
    };

    /// <summary>Temporary keys of a member account, as a user would paste them from STS.</summary>
    private async Task<AwsCredentialOptions> SessionKeysAsync(string member)
    {
        var management = Emulator.Aws.AddAccount(Organization.ManagementAccount);
        using var sts = new StsClient(new Amazon.Runtime.BasicAWSCredentials(management.AccessKeyId, management.SecretAccessKey),
            "us-east-1", Emulator.BaseUrl, TimeSpan.FromSeconds(10), Quick);
        var session = (await sts.AssumeRoleAsync($"arn:aws:iam::{member}:role/{Organization.AccessRole}", "secrets-test", None)).Credentials;
        Assert.StartsWith("emu-session-token-", session.SessionToken);
        _secrets.Add(session.SecretAccessKey);
        _secrets.Add(session.SessionToken);
        return Keys(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);
    }

    [Fact]
    public async Task Every_cmdlet_path_keeps_the_token_secret_key_and_session_token_out_of_everything_visible()
    {
        Emulator.Dynatrace.AddToken(Token, Scopes.All);
        using var dt = Connect(Token);
        var management = Organization.SetUp(Emulator, Members);
        _secrets.Add(management.SecretAccessKey);
        var member = Members[0];
        var session = await SessionKeysAsync(member);

        // Connect-DtEnvironment / Get-DtExtensionSchemaVersion
        await Keep("extension version", new ExtensionVersions(dt, Log, Retry).GetAsync(ExtensionVersions.DaAws, None));

        // New-DtAwsConnection, New-DtMonitoringRole (plan and apply), Set-DtConnectionRoleArn, Get-DtAwsConnection
        var connections = new AwsConnections(dt, Log, Retry);
        var connection = (await Keep("create connection", connections.CreateAsync("secrets-" + member, member, None))).Item;
        var access = await Keep("open account with session keys", AwsAccountAccess.OpenAsync(member, session, Log, Retry, None));
        var roles = new MonitoringRoles(access, Log, Retry);
        var spec = new MonitoringRoleSpec { AccountId = member, ConnectionId = connection.ConnectionId, EnvironmentId = dt.EnvironmentId };
        await Keep("plan role", roles.PlanAsync(spec, None));
        var role = await Keep("ensure role", roles.EnsureAsync(spec, None));
        var fast = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };
        await Keep("set role ARN", connections.SetRoleArnAsync(connection.ConnectionId, role.RoleArn, fast, None));
        await Keep("list connections", connections.ListAsync(None));
        await Keep("open account through AssumeRole", AwsAccountAccess.OpenAsync(Members[1],
            Keys(management.AccessKeyId, management.SecretAccessKey, assumeRoleName: Organization.AccessRole), Log, Retry, None));

        // New/Set/Get-status of the monitoring configuration
        var configurations = new MonitoringConfigurations(dt, Log, Retry);
        var configuration = (await Keep("create configuration", configurations.EnsureAsync(new MonitoringConfigurationSpec
        {
            AccountId = member, ConnectionId = connection.ConnectionId, Regions = new[] { "eu-west-1" },
        }, None))).Item;
        await Keep("update configuration", configurations.UpdateAsync(configuration.ConfigurationId,
            new MonitoringConfigurationChange { Description = "secrets-updated", Enabled = false }, None));
        await Keep("configuration status", configurations.StatusAsync(configuration.ConfigurationId, None));

        // Test-DtAwsAccount, Unregister-DtAwsAccount, Remove-DtAwsConnection
        foreach (var check in await new AccountDrift(dt, Log, Retry).CheckAsync(member, null, session, MonitoringRoleSpec.DefaultRoleName, null, None))
            _sweep.Result("drift check", check);
        var removal = await Keep("removal", new AccountRemoval(dt, Log, Retry).RemoveAsync(
            new RemovalRequest { AccountId = member, ConnectionName = "secrets-" + member, Aws = session }, Approve.All, None));
        Assert.Equal(RemovalStatus.Removed, removal.Status);
        var spare = (await connections.CreateAsync("secrets-spare", member, None)).Item;
        await Keep("delete connection", connections.DeleteAsync(spare.ConnectionId, None));

        // Register-DtAwsAccount: two good accounts and one the management account cannot reach.
        var results = new ConcurrentQueue<AccountResult>();
        var options = new RegistrationOptions
        {
            Aws = Keys(management.AccessKeyId, management.SecretAccessKey, assumeRoleName: Organization.AccessRole),
            RoleArn = fast,
        };
        var rows = new[] { Members[1], Members[2], NotAMember }.Select(a => new AccountRequest { AccountId = a }).ToArray();
        await new AccountRegistration(dt, options, Log, Retry).RunAsync(rows, Approve.All, results.Enqueue, None);
        foreach (var result in results) _sweep.Result("registration " + result.AccountId, result);
        Assert.Equal(2, results.Count(r => r.Status == AccountStatus.Onboarded));
        Assert.Equal(AccountStatus.Failed, Assert.Single(results, r => r.AccountId == NotAMember).Status);

        AssertNothingLeaked();
    }

    [Fact]
    public async Task Rejected_credentials_and_timeouts_keep_the_secrets_out_of_errors_and_logs()
    {
        var management = Organization.SetUp(Emulator, Members);
        _secrets.Add(management.SecretAccessKey);
        var session = await SessionKeysAsync(Members[0]);
        var sessionAccessKey = session.AccessKey!;
        var sessionToken = _secrets[^1];

        // 401: a wrong platform token.
        using (var wrong = Connect(WrongToken))
        {
            var unauthorized = await Failure("401", () => new ExtensionVersions(wrong, Log, Quick).GetAsync(ExtensionVersions.DaAws, None));
            Assert.Equal(401, Assert.IsType<DynatraceApiException>(unauthorized).StatusCode);
            await Failure("401 connections", () => new AwsConnections(wrong, Log, Quick).ListAsync(None));
        }

        // SignatureDoesNotMatch: a wrong secret key, through STS (the SDK) and through our IAM client, with and without a session token.
        var sts = await Failure("sts wrong secret", () => AwsAccountAccess.OpenAsync(Organization.ManagementAccount,
            Keys(management.AccessKeyId, WrongSecret), Log, Quick, None));
        Assert.Equal("SignatureDoesNotMatch", Assert.IsType<StsException>(sts).Code);
        await Failure("sts wrong secret with session token", () => AwsAccountAccess.OpenAsync(Members[0],
            Keys(sessionAccessKey, WrongSecret, sessionToken), Log, Quick, None));
        foreach (var token in new string?[] { null, sessionToken })
        {
            var keys = new AwsCredentials(token is null ? management.AccessKeyId : sessionAccessKey, WrongSecret, token);
            var iam = new IamClient(AwsHttp.Shared, Emulator.BaseUrl, "us-east-1", new StaticAwsCredentialSource(keys), Quick);
            var signature = await Failure("iam wrong secret", () => iam.GetRoleAsync(Organization.AccessRole, None));
            Assert.Equal(IamErrorCodes.SignatureDoesNotMatch, Assert.IsType<IamException>(signature).Code);
        }

        // Timeouts: Dynatrace and IAM answer too late.
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "dynatrace", Delay = TimeSpan.FromSeconds(3) });
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SlowResponse, Service = "iam", Delay = TimeSpan.FromSeconds(3) });
        using (var slow = new DynatraceEnvironment(EnvironmentUrl.Parse(Emulator.BaseUrl.ToString(), "abc12345"),
                   new PlatformTokenAuthorization(Secure(Token)), requestTimeout: TimeSpan.FromMilliseconds(200)))
        {
            Assert.IsType<TimeoutException>(await Failure("dynatrace timeout",
                () => new AwsConnections(slow, Log, Quick).CreateAsync("secrets-timeout", Members[0], None)));
        }
        using (var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) })
        {
            var keys = new AwsCredentials(sessionAccessKey, _secrets[^2], sessionToken);
            var iam = new IamClient(http, Emulator.BaseUrl, "us-east-1", new StaticAwsCredentialSource(keys), Quick);
            Assert.IsType<TimeoutException>(await Failure("iam timeout", () => iam.GetRoleAsync(Organization.AccessRole, None)));
        }
        Emulator.Faults.Clear();

        AssertNothingLeaked();
    }

    [Fact]
    public async Task Http_debug_tracing_names_method_path_and_status_but_no_authorization_or_signature()
    {
        Emulator.Dynatrace.AddToken(Token, Scopes.All);
        using var dt = Connect(Token);
        using var wrong = Connect(WrongToken);
        await new AwsConnections(dt, Log, Retry).CreateAsync("trace-310000000001", Members[0], None);
        await Record.ExceptionAsync(() => new AwsConnections(wrong, Log, Quick).ListAsync(None));

        var debug = Log.Messages.Where(m => m.StartsWith("DEBUG: ", StringComparison.Ordinal)).ToArray();
        var trace = new Regex(@"^DEBUG: (GET|POST|PUT|DELETE) \S+ -> \d{3} in \d+ ms$");
        Assert.Contains(debug, m => trace.IsMatch(m) && m.Contains("POST platform/classic/environment-api/v2/settings/objects") && m.Contains("-> 200"));
        Assert.Contains(debug, m => trace.IsMatch(m) && m.Contains(" -> 401 "));
        foreach (var forbidden in new[] { "Authorization", "Bearer", "AWS4-HMAC-SHA256", "Signature=", "X-Amz-", "Credential=", Token, WrongToken })
            Assert.DoesNotContain(debug, m => m.IndexOf(forbidden, StringComparison.OrdinalIgnoreCase) >= 0);
    }

    [Fact]
    public void The_sweep_finds_a_planted_secret_wherever_it_hides()
    {
        var sweep = new SecretSweep();
        sweep.Exception("outer", new InvalidOperationException("fine", new Exception("inner " + Token)));
        sweep.Result("result", new { Nested = new { Value = "x" + WrongSecret } });
        Assert.Equal(2, sweep.Leaks(new[] { Token, WrongSecret }).Select(l => l.Split(' ')[1]).Distinct().Count());
    }
}

/// <summary>The same paths against a hostile endpoint that echoes every request in its error answers (issue 16).</summary>
public sealed class SecretsDoNotLeakFromAnEchoingEndpointTests : SecretsDoNotLeakTests
{
    protected override EmulatorOptions Options => new() { EchoRequests = true };
}
