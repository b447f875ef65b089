using System.Linq;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// -Debug in a host with a user interface: PowerShell asks after every verbose message and warning
/// of a compiled cmdlet, and under pwsh -NonInteractive (every CI step) the first question used to
/// fail Register-DtAwsAccount after its work, with no result (issue 16, point 2). Now -Debug shows
/// every stream and asks nothing, in CI and at a prompt alike.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public sealed class DebugStreamTests : HostedModuleTest
{
    private const string Members = "AccountId\n200000000001\n200000000002\n200000000003";

    public DebugStreamTests(PublishedModule module) : base(module) { }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Register_of_three_accounts_with_Debug_returns_three_results_and_asks_nothing(bool interactive)
    {
        using var session = ConnectedSession(interactive);

        var run = session.Run($"'{Members}' | ConvertFrom-Csv | Register-DtAwsAccount @Aws -AssumeRoleName OrganizationAccountAccessRole -Debug");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Onboarded", "Onboarded", "Onboarded" }, run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.NotEmpty(run.Debug);
        Assert.NotEmpty(run.Verbose);
        Assert.Equal(0, session.Host.Prompts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_warning_under_Debug_is_written_and_the_result_with_it(bool interactive)
    {
        using var session = ConnectedSession(interactive);
        var connection = session.Run("New-DtAwsConnection -Name debug-warning -AccountId 210000000001").ThrowOnError().Output.Single();
        session.Run("New-DtMonitoringConfiguration -AccountId 210000000001 -ConnectionId $Id -Region eu-west-1",
            ("Id", connection.Properties["ConnectionId"].Value)).ThrowOnError();

        var run = session.Run("New-DtMonitoringConfiguration -AccountId 210000000001 -ConnectionId $Id -Region ap-south-1 -Debug");

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        Assert.Contains(run.Warnings, w => w.Message.Contains("Added us-east-1 to the regions of 1 account(s) (210000000001)"));
        Assert.Equal(0, session.Host.Prompts);
    }

    [Fact]
    public void Debug_false_or_an_explicit_stream_choice_is_left_to_PowerShell()
    {
        using var session = ConnectedSession(interactive: false);

        var quiet = session.Run("Get-DtExtensionSchemaVersion -Debug:$false");
        var noVerbose = session.Run("Get-DtExtensionSchemaVersion -Debug -Verbose:$false");

        Assert.Empty(quiet.Errors);
        Assert.Empty(quiet.Debug);
        Assert.Empty(noVerbose.Errors);
        Assert.NotEmpty(noVerbose.Debug);
        Assert.Empty(noVerbose.Verbose);
    }
}
