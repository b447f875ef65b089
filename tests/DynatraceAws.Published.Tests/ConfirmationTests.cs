using System;
using System.Linq;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// -Confirm in a host that cannot ask (pwsh -NonInteractive, every CI step): each account or object
/// fails with ConfirmationUnavailable, which says how to approve without a prompt, and nothing is written.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public sealed class ConfirmationTests : HostedModuleTest
{
    public ConfirmationTests(PublishedModule module) : base(module) { }

    [Fact]
    public void Register_with_Confirm_fails_each_account_with_ConfirmationUnavailable_and_writes_nothing()
    {
        using var session = ConnectedSession(interactive: false);

        var run = session.Run("'AccountId\n200000000001\n200000000002' | ConvertFrom-Csv | Register-DtAwsAccount @Aws -AssumeRoleName OrganizationAccountAccessRole -Confirm");

        Assert.Equal(new[] { "Failed", "Failed" }, run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.All(run.Output, r => Assert.Equal("ConfirmationUnavailable", r.Properties["ErrorId"].Value));
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.StartsWith("ConfirmationUnavailable,", e.FullyQualifiedErrorId));
        Assert.Contains("-Confirm:$false", run.Errors[0].ErrorDetails?.RecommendedAction ?? run.Errors[0].ToString());
        Assert.Equal(0, EmulatorWrites());
    }

    [Fact]
    public void A_single_object_with_Confirm_is_a_ConfirmationUnavailable_error_and_nothing_is_written()
    {
        using var session = ConnectedSession(interactive: false);

        var run = session.Run("New-DtAwsConnection -Name confirm-ci -AccountId 210000000009 -Confirm");

        Assert.Empty(run.Output);
        Assert.StartsWith("ConfirmationUnavailable,", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Equal(0, EmulatorWrites());
    }
}
