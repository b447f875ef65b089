using System;
using System.Linq;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// A failed Connect-DtEnvironment or Connect-DtAccount leaves nothing connected and says so; the
/// next cmdlet fails with NotConnected instead of working, silently, in the environment or account
/// connected before, or in the one the CI variables name (issue 16, point 4).
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public sealed class FailedConnectTests : HostedModuleTest
{
    private const string Account = "11111111-2222-3333-4444-555555555555";

    public FailedConnectTests(PublishedModule module) : base(module) { }

    private HostedSession Session()
    {
        var session = NewSession(interactive: false);
        session.Run("""
            $Good = ConvertTo-SecureString $Token -AsPlainText -Force
            $Wrong = ConvertTo-SecureString 'dt0s16.WRONG.not-a-token-of-this-environment' -AsPlainText -Force
            $Secret = ConvertTo-SecureString 'dt0s02.EMULATOR.local-client-secret' -AsPlainText -Force
            $WrongSecret = ConvertTo-SecureString 'dt0s02.EMULATOR.not-the-secret' -AsPlainText -Force
            $TokenEndpoint = "$($Url)sso/oauth2/token"
            $first = Connect-DtEnvironment -EnvironmentUrl $Url -Token $Good -EnvironmentId abc12345
            """, ("Url", Emulator.BaseUrl.ToString()), ("Token", Emulator.Token)).ThrowOnError();
        return session;
    }

    private static string Id(Step step) => Assert.Single(step.Errors).FullyQualifiedErrorId.Split(',')[0];

    [Fact]
    public void After_a_failed_Connect_DtEnvironment_the_next_cmdlet_fails_with_NotConnected_instead_of_using_the_previous_environment()
    {
        using var session = Session();

        var failed = session.Run("Connect-DtEnvironment -EnvironmentUrl $Url -Token $Wrong -EnvironmentId abc12345");
        var next = session.Run("Get-DtExtensionSchemaVersion");
        var shown = session.Run("Get-DtEnvironment");

        Assert.Equal("DynatraceUnauthorized", Id(failed));
        Assert.EndsWith("No Dynatrace environment is connected now.", failed.Errors[0].ErrorDetails.Message);
        Assert.DoesNotMatch(@"[^.] No Dynatrace environment", failed.Errors[0].ErrorDetails.Message);
        Assert.Empty(next.Output);
        Assert.Equal("NotConnected", Id(next));
        Assert.Contains("the last Connect-DtEnvironment, to " + Emulator.BaseUrl.ToString().TrimEnd('/'), next.Errors[0].ErrorDetails.Message);
        Assert.Equal("NotConnected", Id(shown));
    }

    [Fact]
    public void An_address_refused_before_any_call_disconnects_too_and_Connection_still_reaches_an_environment_given_explicitly()
    {
        using var session = Session();

        var refused = session.Run("Connect-DtEnvironment -EnvironmentUrl 'http://abc12345.apps.dynatrace.com' -Token $Good");
        var next = session.Run("Get-DtAwsConnection");
        var explicitly = session.Run("Get-DtExtensionSchemaVersion -Connection $first");

        Assert.Equal("InvalidEnvironmentUrl", Id(refused));
        Assert.Equal("NotConnected", Id(next));
        Assert.Empty(explicitly.Errors);
        Assert.Single(explicitly.Output);
    }

    [Fact]
    public void The_CI_variables_do_not_stand_in_for_a_failed_Connect_until_Disconnect_DtEnvironment()
    {
        using var session = Session();
        var url = Environment.GetEnvironmentVariable("DT_ENVIRONMENT_URL");
        var token = Environment.GetEnvironmentVariable("DT_PLATFORM_TOKEN");
        try
        {
            Environment.SetEnvironmentVariable("DT_ENVIRONMENT_URL", Emulator.BaseUrl.ToString());
            Environment.SetEnvironmentVariable("DT_PLATFORM_TOKEN", Emulator.Token);
            session.Run("Connect-DtEnvironment -EnvironmentUrl $Url -Token $Wrong -EnvironmentId abc12345");

            var next = session.Run("Get-DtAwsConnection");
            var disconnect = session.Run("Disconnect-DtEnvironment -Verbose");
            var afterDisconnect = session.Run("Get-DtEnvironment");

            Assert.Equal("NotConnected", Id(next));
            Assert.Empty(disconnect.Errors);
            Assert.Contains(disconnect.Verbose, v => v.Message.Contains("failed Connect-DtEnvironment"));
            Assert.Empty(afterDisconnect.Errors);
            Assert.Single(afterDisconnect.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DT_ENVIRONMENT_URL", url);
            Environment.SetEnvironmentVariable("DT_PLATFORM_TOKEN", token);
        }
    }

    [Fact]
    public void After_a_failed_Connect_DtAccount_the_next_account_cmdlet_fails_with_NotConnectedToAccount()
    {
        using var session = Session();
        session.Run($"Connect-DtAccount -AccountUuid {Account} -ClientId dt0s02.EMULATOR -ClientSecret $Secret -TokenEndpoint $TokenEndpoint -ApiUrl $Url")
            .ThrowOnError();
        Assert.Empty(session.Run("Get-DtIamGroup").Errors);

        var failed = session.Run($"Connect-DtAccount -AccountUuid {Account} -ClientId dt0s02.EMULATOR -ClientSecret $WrongSecret -TokenEndpoint $TokenEndpoint -ApiUrl $Url");
        var next = session.Run("Get-DtIamGroup");
        var again = session.Run($"Connect-DtAccount -AccountUuid {Account} -ClientId dt0s02.EMULATOR -ClientSecret $Secret -TokenEndpoint $TokenEndpoint -ApiUrl $Url");

        Assert.EndsWith("No Dynatrace account is connected now.", Assert.Single(failed.Errors).ErrorDetails.Message);
        Assert.Equal("NotConnectedToAccount", Id(next));
        Assert.Contains($"the last Connect-DtAccount, to {Account}, failed", next.Errors[0].ErrorDetails.Message);
        Assert.Empty(again.Errors);
        Assert.Empty(session.Run("Get-DtIamGroup").Errors);
    }
}
