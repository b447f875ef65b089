using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// Every cmdlet of the module, with -Debug, under a non-interactive host (none may prompt), against an emulator that
/// echoes each request (headers and body) in its error answers: a hostile endpoint for every API
/// the module calls. Then every stream, every output object, every error record (Format-List *
/// -Force, ConvertTo-Json -Depth 10, Export-Clixml, Get-Error), the host and the report files are
/// searched for every secret of the run: none may be found (issue 16). A second test plants a
/// secret in each of those places and the same search finds every one.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public sealed class HostileEndpointSweepTests : HostedModuleTest
{
    private const string AccountUuid = "11111111-2222-3333-4444-555555555555";

    // Secrets the run passes; none is shaped like a real token, so only the module's knowing them can hide them.
    private const string WrongToken = "dt0s16.SWEEPWRONG.zz-wrong-platform-secret-4471";
    private const string WrongApiToken = "dt0c01.SWEEPWRONG.zz-wrong-api-secret-4472";
    private const string WrongClientSecret = "dt0s02.EMULATOR.zz-wrong-client-secret-4473";
    private const string WrongAwsSecret = "zzWrongAwsSecretKey-4474";
    private const string FakeSessionToken = "zzFakeSessionToken-4475";
    private const string ClassicSecretKey = "zzClassicSecretKey-4476";
    private const string UrlPassword = "zzUrlPassword-4477";
    private const string UrlQueryToken = "zzUrlQueryToken-4478";
    private const string ApiToken = "dt0c01.EMULATOR.local-api-token";
    private const string ClientSecret = "dt0s02.EMULATOR.local-client-secret";
    private const string DemoSecret = "emu-secret-123456789012";

    /// <summary>What the emulator issues during the run: SSO access tokens, member keys, STS sessions, minted platform tokens.</summary>
    private static readonly Regex[] IssuedSecrets =
    {
        new(@"eyJ[0-9A-F]{48}"), new(@"emu-secret-\d{12}"), new(@"emu-session-secret-[0-9a-f]{32}"), new(@"emu-session-token-[0-9a-f]{32}"),
        new(@"dt0s16\.[A-Z0-9]+\.[0-9A-F]{64}"),
    };

    /// <summary>One error answer of each API reached a user-visible text: the hostile endpoint was met everywhere.</summary>
    private static readonly (string Api, Regex Echo)[] Apis =
    {
        ("Dynatrace environment", new(@"echo of the request: \w+ /platform/")),
        ("Dynatrace classic", new(@"echo of the request: \w+ /e/abc12345/api/config/v1/")),
        ("Dynatrace account", new(@"echo of the request: \w+ /iam/v1/")),
        ("SSO token", new(@"echo of the request: POST /sso/oauth2/token")),
        ("STS", new(@"echo of the request: POST / .*Version=2011-06-15")),
        ("IAM", new(@"echo of the request: POST / .*Version=2010-05-08")),
        ("Organizations", new(@"echo of the request: POST / .*X-Amz-Target: AWSOrganizationsV20161128")),
    };

    private readonly ITestOutputHelper _output;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "DynatraceAws-sweep-" + Guid.NewGuid().ToString("N")[..8]);

    public HostileEndpointSweepTests(PublishedModule module, ITestOutputHelper output) : base(module, "--echo-requests")
    {
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    private string Url => Emulator.BaseUrl.ToString();

    private IReadOnlyList<string> Secrets => new[]
    {
        Emulator.Token, ApiToken, ClientSecret, DemoSecret, WrongToken, WrongApiToken, WrongClientSecret, WrongAwsSecret, FakeSessionToken,
        ClassicSecretKey, UrlPassword, UrlQueryToken,
    };

    /// <summary>The command lines of the sweep, in order; each runs with -Debug. The secrets are variables set beforehand, never in a command line.</summary>
    private static readonly (string Label, string Script)[] Steps =
    {
        // Dynatrace environment with a platform token.
        ("wrong platform token", "Connect-DtEnvironment -EnvironmentUrl $Url -Token $WrongToken -EnvironmentId abc12345"),
        ("platform token", "$env = Connect-DtEnvironment -EnvironmentUrl $Url -Token $Token -EnvironmentId abc12345; $env"),
        ("show environment", "Get-DtEnvironment"),
        ("extension version", "Get-DtExtensionSchemaVersion"),
        ("missing extension", "Get-DtExtensionSchemaVersion -ExtensionName com.example.missing"),
        ("install installed extension", "Install-DtExtension -ExtensionName com.dynatrace.extension.da-aws"),
        ("install missing extension", "Install-DtExtension -ExtensionName com.example.missing -Version 9.9.9"),
        ("new connection", "$c = New-DtAwsConnection -Name sweep-one -AccountId 200000000001; $c"),
        ("get connections", "Get-DtAwsConnection"),
        ("missing connection", "Get-DtAwsConnection -ConnectionId sweep-missing-connection"),
        ("new role", "$role = New-DtMonitoringRole -AccountId 200000000001 -ConnectionId $c.ConnectionId @Aws -AssumeRoleName OrganizationAccountAccessRole; $role"),
        ("role refused by IAM", "New-DtMonitoringRole -AccountId 200000000001 -ConnectionId $c.ConnectionId -RoleName SweepBounded @Aws -AssumeRoleName OrganizationAccountAccessRole -PermissionsBoundary arn:aws:iam::200000000001:policy/SweepMissing"),
        ("set role ARN", "Set-DtConnectionRoleArn -ConnectionId $c.ConnectionId -RoleArn $role.RoleArn"),
        ("set role ARN of missing connection", "Set-DtConnectionRoleArn -ConnectionId sweep-missing-connection -RoleArn $role.RoleArn"),
        ("new configuration", "$m = New-DtMonitoringConfiguration -AccountId 200000000001 -ConnectionId $c.ConnectionId -Region eu-west-1; $m"),
        ("configuration with other regions", "New-DtMonitoringConfiguration -AccountId 200000000001 -ConnectionId $c.ConnectionId -Region ap-south-1"),
        ("get configurations", "Get-DtMonitoringConfiguration"),
        ("configuration status", "Get-DtMonitoringConfigurationStatus -ConfigurationId $m.ConfigurationId"),
        ("missing configuration status", "Get-DtMonitoringConfigurationStatus -ConfigurationId sweep-missing-configuration"),
        ("set configuration", "Set-DtMonitoringConfiguration -ConfigurationId $m.ConfigurationId -Description sweep-changed -PassThru"),
        ("set missing configuration", "Set-DtMonitoringConfiguration -ConfigurationId sweep-missing-configuration -Description sweep-changed"),
        ("disable configuration", "Disable-DtMonitoringConfiguration -ConfigurationId $m.ConfigurationId -PassThru"),
        ("enable configuration", "Enable-DtMonitoringConfiguration -ConfigurationId $m.ConfigurationId -PassThru"),
        ("enable missing configuration", "Enable-DtMonitoringConfiguration -ConfigurationId sweep-missing-configuration"),
        ("test account", "Test-DtAwsAccount -AccountId 200000000001 @Aws -AssumeRoleName OrganizationAccountAccessRole"),
        ("register with one account out of reach", "'AccountId','200000000002','200000000003','209999999999' | ConvertFrom-Csv | Register-DtAwsAccount @Aws -AssumeRoleName OrganizationAccountAccessRole"),
        ("unregister", "Unregister-DtAwsAccount -AccountId 200000000002 @Aws -AssumeRoleName OrganizationAccountAccessRole -Force"),
        ("remove configuration", "Remove-DtMonitoringConfiguration -ConfigurationId $m.ConfigurationId -Force -PassThru"),
        ("remove missing configuration", "Remove-DtMonitoringConfiguration -ConfigurationId sweep-missing-configuration -Force"),
        ("remove connection", "Remove-DtAwsConnection -ConnectionId $c.ConnectionId -Force -PassThru"),

        // STS and IAM with keys AWS rejects, with and without a session token.
        ("wrong AWS secret key", "Test-DtAwsAccount -AccountId 123456789012 -EndpointUrl $Url -AccessKey AKIDEMU123456789012 -SecretKey $WrongAwsSecret"),
        ("wrong AWS session", "Test-DtAwsAccount -AccountId 123456789012 -EndpointUrl $Url -AccessKey AKIDEMU123456789012 -SecretKey $WrongAwsSecret -SessionToken $FakeSessionToken"),

        // Organizations.
        ("organization accounts", "$ou = (Get-DtAwsOrganizationAccount @Aws | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId; Get-DtAwsOrganizationAccount -OrganizationalUnitId $ou @Aws"),
        ("organization with a wrong key", "Get-DtAwsOrganizationAccount -EndpointUrl $Url -AccessKey AKIDEMU123456789012 -SecretKey $WrongAwsSecret"),
        ("sync an unknown OU and the workloads", "'OrganizationalUnitId', 'ou-emu1-99999999', $ou | ConvertFrom-Csv | Sync-DtAwsOrganization @Aws -AssumeRoleName OrganizationAccountAccessRole -RemoveDeparted -Force -ReportPath $Report"),

        // A classic environment with an access token.
        ("wrong classic token", "Connect-DtEnvironment -EnvironmentUrl \"$($Url)e/abc12345\" -ApiToken $WrongApiToken"),
        ("classic token", "Connect-DtEnvironment -EnvironmentUrl \"$($Url)e/abc12345\" -ApiToken $ApiToken"),
        ("external id", "Get-DtAwsIamExternalId"),
        ("new key-based credentials", "New-DtAwsCredential -Label sweep-keys -AccessKey AKIDSWEEP00000000001 -SecretKey $ClassicSecretKey"),
        ("new role-based credentials", "$k = New-DtAwsCredential -Label sweep-role -AccountId 200000000001; $k"),
        ("get credentials", "Get-DtAwsCredential"),
        ("missing credentials", "Get-DtAwsCredential -Id sweep-missing-credentials"),
        ("set credentials", "Set-DtAwsCredential -Id $k.Id -Label sweep-role-renamed"),
        ("set missing credentials", "Set-DtAwsCredential -Id sweep-missing-credentials -Label sweep-x -SecretKey $ClassicSecretKey -AccessKey AKIDSWEEP00000000002"),
        ("test role-based credentials", "Test-DtAwsCredential -Label sweep-test -AccountId 200000000001"),
        ("test key-based credentials", "Test-DtAwsCredential -Label sweep-test-keys -AccessKey AKIDSWEEP00000000003 -SecretKey $ClassicSecretKey"),
        ("remove credentials", "Remove-DtAwsCredential -Id $k.Id -Force -PassThru"),
        ("remove missing credentials", "Remove-DtAwsCredential -Id sweep-missing-credentials -Force"),

        // The environment with an OAuth client.
        ("wrong client secret", "Connect-DtEnvironment -EnvironmentUrl $Url -ClientId dt0s02.EMULATOR -ClientSecret $WrongClientSecret -TokenEndpoint $TokenEndpoint -EnvironmentId abc12345"),
        ("OAuth client", "Connect-DtEnvironment -EnvironmentUrl $Url -ClientId dt0s02.EMULATOR -ClientSecret $ClientSecret -TokenEndpoint $TokenEndpoint -EnvironmentId abc12345"),
        ("missing configuration with an access token", "Get-DtMonitoringConfigurationStatus -ConfigurationId sweep-missing-configuration"),

        // The account management API.
        ("wrong account client secret", "Connect-DtAccount -AccountUuid $AccountUuid -ClientId dt0s02.EMULATOR -ClientSecret $WrongClientSecret -TokenEndpoint $TokenEndpoint -ApiUrl $Url"),
        ("account", "Connect-DtAccount -AccountUuid $AccountUuid -ClientId dt0s02.EMULATOR -ClientSecret $ClientSecret -TokenEndpoint $TokenEndpoint -ApiUrl $Url"),
        ("show account", "Get-DtAccount"),
        ("new service user", "New-DtServiceUser -Name sweep-user"),
        ("service users", "Get-DtServiceUser"),
        ("new group", "New-DtIamGroup -Name sweep-group"),
        ("groups", "Get-DtIamGroup"),
        ("new policy", "$p = New-DtIamPolicy -Name sweep-policy -StatementQuery 'ALLOW settings:objects:read;'; $p"),
        ("policies", "Get-DtIamPolicy"),
        ("missing policy", "Get-DtIamPolicy -Uuid 00000000-0000-4000-8000-000000000000"),
        ("set policy", "Set-DtIamPolicy -Uuid $p.Uuid -Description sweep-changed"),
        ("grant", "Grant-DtPolicyBinding -PolicyName sweep-policy -GroupName sweep-group"),
        ("bindings", "Get-DtPolicyBinding"),
        ("revoke", "Revoke-DtPolicyBinding -PolicyName sweep-policy -GroupName sweep-group -Force -PassThru"),
        ("new platform token", "$t = New-DtPlatformToken -Name sweep-token -Scope storage:logs:read -ServiceUser sweep-user -EnvironmentId abc12345; $t"),
        ("platform tokens", "Get-DtPlatformToken"),
        ("remove platform token", "Remove-DtPlatformToken -TokenId $t.TokenId -Force -PassThru"),
        ("remove policy", "Remove-DtIamPolicy -Uuid $p.Uuid -Force -PassThru"),
        ("onboarding prerequisites", "Initialize-DtAwsOnboarding -EnvironmentUrl $Url -EnvironmentId abc12345 -Connect"),
        ("token for an unknown user", "New-DtPlatformToken -Name sweep-orphan -Scope storage:logs:read -ServiceUser 00000000-0000-4000-8000-000000000002"),
        ("disconnect account", "Disconnect-DtAccount"),
        ("disconnect", "Disconnect-DtEnvironment"),
    };

    [Fact]
    public void Every_cmdlet_against_an_echoing_endpoint_shows_no_secret_anywhere()
    {
        var sweep = Sweep(RunEveryCmdlet);

        using (var probe = NewSession(interactive: false))
        {
            var untried = probe.Run("(Get-Command -Module DynatraceAws).Name").ThrowOnError().Output.Select(o => o.ToString())
                .Where(name => !Steps.Any(s => Regex.IsMatch(s.Script, $@"\b{name}\b"))).ToArray();
            Assert.True(untried.Length == 0, "Not in the sweep: " + string.Join(", ", untried));
        }
        _output.WriteLine($"{sweep.ErrorRecords} error records, {sweep.Texts.Count} texts swept");
        Assert.True(sweep.ErrorRecords >= 25, $"only {sweep.ErrorRecords} error records were swept");
        Assert.Equal(0, sweep.Prompts);
        Assert.Empty(Apis.Where(api => !sweep.Texts.Any(t => api.Echo.IsMatch(t.Text))).Select(api => api.Api + " never echoed"));
        var leaks = sweep.Leaks(Secrets, IssuedSecrets);
        foreach (var leak in leaks) _output.WriteLine(leak);
        Assert.Empty(leaks);
    }

    [Fact]
    public void The_sweep_finds_a_secret_planted_in_each_place_it_searches()
    {
        var sweep = Sweep(Plant);

        var found = sweep.Leaks(new[] { Planted }, Array.Empty<Regex>()).Select(l => l.Split(" in ", 2)[1].Split(' ')[0]).Distinct().Order();
        Assert.Equal(new[] { "host", "plant-debug", "plant-error", "plant-file", "plant-information", "plant-inner", "plant-output", "plant-progress",
            "plant-verbose", "plant-warning" }, found);
    }

    /// <summary>A session with the run's secrets in variables and -Debug on every cmdlet of the module; <paramref name="run"/> works in it.</summary>
    private HostedSweep Sweep(Action<HostedSweep, HostedSession> run)
    {
        var sweep = new HostedSweep(_folder);
        using var session = NewSession(interactive: false);
        session.Run("""
            $PSDefaultParameterValues['*-Dt*:Debug'] = $true
            $ProgressPreference = 'Continue'
            $Aws = @{ EndpointUrl = $Url; AccessKey = 'AKIDEMU123456789012'; SecretKey = $AwsSecret }
            $TokenEndpoint = "$($Url)sso/oauth2/token"
            """,
            ("Url", Url), ("Report", ReportPath), ("AccountUuid", AccountUuid), ("Token", Secure(Emulator.Token)), ("ApiToken", Secure(ApiToken)),
            ("ClientSecret", Secure(ClientSecret)), ("AwsSecret", Secure(DemoSecret)), ("WrongToken", Secure(WrongToken)),
            ("WrongApiToken", Secure(WrongApiToken)), ("WrongClientSecret", Secure(WrongClientSecret)), ("WrongAwsSecret", Secure(WrongAwsSecret)),
            ("FakeSessionToken", Secure(FakeSessionToken)), ("ClassicSecretKey", Secure(ClassicSecretKey))).ThrowOnError();
        run(sweep, session);
        sweep.Host(session.Host);
        return sweep;
    }

    private string ReportPath => Path.Combine(_folder, "sync-report.md");

    private void RunEveryCmdlet(HostedSweep sweep, HostedSession session)
    {
        foreach (var (label, script) in Steps)
        {
            var step = session.Run(script);
            _output.WriteLine($"{label}: {step.Output.Count} output, errors {string.Join(", ", step.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]))}");
            sweep.Step(label, step, session);
        }
        RefusedAddresses(sweep, session);
        sweep.File("sync", ReportPath);
    }

    /// <summary>An environment address with a password or an api-token query is refused before any call, from a variable and from a parameter.</summary>
    private void RefusedAddresses(HostedSweep sweep, HostedSession session)
    {
        var withPassword = $"https://admin:{UrlPassword}@abc12345.apps.dynatrace.com";
        var withQuery = $"https://abc12345.live.dynatrace.com/?api-token={UrlQueryToken}";
        foreach (var (label, url) in new[] { ("password", withPassword), ("api-token query", withQuery) })
        {
            var before = (Environment.GetEnvironmentVariable("DT_ENVIRONMENT_URL"), Environment.GetEnvironmentVariable("DT_PLATFORM_TOKEN"));
            try
            {
                Environment.SetEnvironmentVariable("DT_ENVIRONMENT_URL", url);
                Environment.SetEnvironmentVariable("DT_PLATFORM_TOKEN", Emulator.Token);
                session.Run("Disconnect-DtEnvironment").ThrowOnError();
                var fromVariable = session.Run("Get-DtEnvironment");
                Assert.Equal("InvalidEnvironmentUrl", Assert.Single(fromVariable.Errors).FullyQualifiedErrorId.Split(',')[0]);
                sweep.Step($"address with a {label} in DT_ENVIRONMENT_URL", fromVariable, session);
            }
            finally
            {
                Environment.SetEnvironmentVariable("DT_ENVIRONMENT_URL", before.Item1);
                Environment.SetEnvironmentVariable("DT_PLATFORM_TOKEN", before.Item2);
            }
            var fromParameter = session.Run("Connect-DtEnvironment -EnvironmentUrl $Address -Token $Token", ("Address", url));
            Assert.Equal("InvalidEnvironmentUrl", Assert.Single(fromParameter.Errors).FullyQualifiedErrorId.Split(',')[0]);
            sweep.Step($"address with a {label} in -EnvironmentUrl", fromParameter, session, argumentsHoldSecrets: true);
        }
    }

    private const string Planted = "zzPlantedSecret-4479";

    /// <summary>A secret in each place the sweep searches, as a careless module would put it there.</summary>
    private static readonly (string Label, string Script)[] Plants =
    {
        ("plant-output", "[pscustomobject]@{ Deep = @{ Deeper = @($Secret) } }"),
        ("plant-error", "Write-Error -Message 'failed' -TargetObject ([pscustomobject]@{ Value = $Secret })"),
        ("plant-inner", "$e = [InvalidOperationException]::new('outer', [Exception]::new('inner'))\n$e.InnerException.Data['x'] = $Secret\nWrite-Error -Exception $e"),
        ("plant-warning", "Write-Warning $Secret"),
        ("plant-verbose", "Write-Verbose $Secret -Verbose"),
        ("plant-debug", "Write-Debug $Secret -Debug"),
        ("plant-progress", "Write-Progress -Activity sweep -Status $Secret"),
        ("plant-information", "Write-Information $Secret"),
        ("plant-host", "$Host.UI.WriteLine($Secret)"),
    };

    private void Plant(HostedSweep sweep, HostedSession session)
    {
        foreach (var (label, script) in Plants) sweep.Step(label, session.Run(script, ("Secret", Planted)), session);
        var file = Path.Combine(_folder, "planted.md");
        File.WriteAllText(file, "report " + Planted);
        sweep.File("plant-file", file);
    }
}
