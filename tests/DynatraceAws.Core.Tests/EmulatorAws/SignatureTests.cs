using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>Every request must carry a valid SigV4 signature over exactly the headers it says it signed.</summary>
public sealed class SignatureTests : IClassFixture<AwsEmulatorFixture>
{
    private const string Mismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private readonly AwsEmulatorFixture _emulator;

    public SignatureTests(AwsEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task An_unknown_access_key_is_InvalidClientTokenId()
    {
        var answer = await ListRolesAsync(new AwsCredentials("AKIDEMU000000000000", "whatever-secret"));

        Assert.Equal((HttpStatusCode.Forbidden, "InvalidClientTokenId", "The security token included in the request is invalid."),
            (answer.Status, answer.ErrorCode, answer.ErrorMessage));
    }

    [Fact]
    public async Task A_wrong_secret_key_is_SignatureDoesNotMatch()
    {
        var keys = _emulator.NewAccount();

        var answer = await ListRolesAsync(new AwsCredentials(keys.AccessKeyId, keys.SecretAccessKey + "x"));

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch", Mismatch), (answer.Status, answer.ErrorCode, answer.ErrorMessage));
    }

    [Fact]
    public async Task A_body_changed_after_signing_does_not_match()
    {
        var keys = _emulator.NewAccount();

        var answer = await ListRolesAsync(AwsEmulatorFixture.Credentials(keys), afterSigning: request =>
            request.Content = new StringContent("Action=ListRoles&Version=2010-05-08&MaxItems=1", System.Text.Encoding.UTF8,
                "application/x-www-form-urlencoded"));

        Assert.Equal("SignatureDoesNotMatch", answer.ErrorCode);
    }

    [Fact]
    public async Task Only_the_signed_headers_count()
    {
        var keys = _emulator.NewAccount();

        var unsignedAdded = await ListRolesAsync(AwsEmulatorFixture.Credentials(keys), afterSigning: request =>
            request.Headers.Add("X-Added-By-A-Proxy", "anything"));
        var signedChanged = await ListRolesAsync(AwsEmulatorFixture.Credentials(keys), beforeSigning: request =>
            request.Headers.Add("X-Signed-Test", "tests"), afterSigning: request =>
        {
            request.Headers.Remove("X-Signed-Test");
            request.Headers.Add("X-Signed-Test", "changed");
        });

        Assert.Equal(HttpStatusCode.OK, unsignedAdded.Status);
        Assert.Equal("SignatureDoesNotMatch", signedChanged.ErrorCode);
    }

    [Fact]
    public async Task A_signature_older_than_fifteen_minutes_has_expired()
    {
        var keys = _emulator.NewAccount();

        var answer = await _emulator.Query.SendAsync("iam", "2010-05-08", AwsEmulatorFixture.Credentials(keys), "ListRoles", [],
            signedAt: DateTimeOffset.UtcNow.AddMinutes(-16));

        Assert.Equal("SignatureDoesNotMatch", answer.ErrorCode);
        Assert.StartsWith("Signature expired: ", answer.ErrorMessage);
    }

    [Fact]
    public async Task An_unsigned_request_is_MissingAuthenticationToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _emulator.Host.BaseUrl)
        {
            Content = new StringContent("Action=ListRoles&Version=2010-05-08", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var response = await _emulator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Temporary_keys_need_their_session_token()
    {
        var keys = _emulator.NewAccount();
        var role = await _emulator.Iam(keys).CreateRoleAsync(new CreateRoleRequest("Session", Documents.Trust(keys.AccountId)), CancellationToken.None);
        var session = await _emulator.Query.StsAsync(AwsEmulatorFixture.Credentials(keys), "AssumeRole",
            ("RoleArn", role.Arn), ("RoleSessionName", "tests"));
        string Credential(string name) => session.Find("AssumeRoleResult", "Credentials", name)!.Value;

        var withToken = await ListRolesAsync(new AwsCredentials(Credential("AccessKeyId"), Credential("SecretAccessKey"), Credential("SessionToken")));
        var withoutToken = await ListRolesAsync(new AwsCredentials(Credential("AccessKeyId"), Credential("SecretAccessKey")));
        var wrongToken = await ListRolesAsync(new AwsCredentials(Credential("AccessKeyId"), Credential("SecretAccessKey"), "emu-session-token-forged"));

        Assert.Equal(HttpStatusCode.OK, withToken.Status);
        Assert.Equal(("InvalidClientTokenId", "InvalidClientTokenId"), (withoutToken.ErrorCode, wrongToken.ErrorCode));
    }

    private Task<AwsAnswer> ListRolesAsync(AwsCredentials credentials, Action<HttpRequestMessage>? beforeSigning = null,
        Action<HttpRequestMessage>? afterSigning = null) =>
        _emulator.Query.SendAsync("iam", "2010-05-08", credentials, "ListRoles", [], beforeSigning: beforeSigning, afterSigning: afterSigning);
}
