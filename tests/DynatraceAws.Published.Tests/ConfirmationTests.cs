using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
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

    private HostedSession Connected()
    {
        var session = NewSession(interactive: false);
        session.Run("""
            Connect-DtEnvironment -EnvironmentUrl $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -EnvironmentId abc12345 | Out-Null
            $Aws = @{ EndpointUrl = $Url; AccessKey = 'AKIDEMU123456789012'; SecretKey = (ConvertTo-SecureString 'emu-secret-123456789012' -AsPlainText -Force) }
            """, ("Url", Emulator.BaseUrl.ToString()), ("Token", Emulator.Token)).ThrowOnError();
        return session;
    }

    [Fact]
    public void Register_with_Confirm_fails_each_account_with_ConfirmationUnavailable_and_writes_nothing()
    {
        using var session = Connected();

        var run = session.Run("'AccountId\n200000000001\n200000000002' | ConvertFrom-Csv | Register-DtAwsAccount @Aws -AssumeRoleName OrganizationAccountAccessRole -Confirm");

        Assert.Equal(new[] { "Failed", "Failed" }, run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.All(run.Output, r => Assert.Equal("ConfirmationUnavailable", r.Properties["ErrorId"].Value));
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.StartsWith("ConfirmationUnavailable,", e.FullyQualifiedErrorId));
        Assert.Contains("-Confirm:$false", run.Errors[0].ErrorDetails?.RecommendedAction ?? run.Errors[0].ToString());
        Assert.Equal(0, Writes());
    }

    [Fact]
    public void A_single_object_with_Confirm_is_a_ConfirmationUnavailable_error_and_nothing_is_written()
    {
        using var session = Connected();

        var run = session.Run("New-DtAwsConnection -Name confirm-ci -AccountId 210000000009 -Confirm");

        Assert.Empty(run.Output);
        Assert.StartsWith("ConfirmationUnavailable,", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Equal(0, Writes());
    }

    private int Writes()
    {
        using var http = new HttpClient();
        var requests = JsonDocument.Parse(http.GetStringAsync(new Uri(Emulator.BaseUrl, "_emulator/requests")).GetAwaiter().GetResult());
        return requests.RootElement.EnumerateArray().Count(r => r.GetProperty("isWrite").GetBoolean());
    }
}
