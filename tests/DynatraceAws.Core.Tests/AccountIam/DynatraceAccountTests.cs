using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;
using EmulatorScopes = DynatraceAws.Emulator.Dynatrace.AccountScopes;

namespace DynatraceAws.Core.Tests.AccountIam;

public class DynatraceAccountTests : AccountIamTest
{
    [Fact]
    public async Task Connecting_requests_one_token_for_the_account_resource_and_shows_no_secret()
    {
        using var account = ConnectAccount();
        await account.CheckAsync(CancellationToken.None);
        Assert.Equal(AccountUuid, account.AccountUuid);
        Assert.Equal("OAuthClient", account.AuthenticationType);
        Assert.Equal(Emulator.BaseUrl.GetLeftPart(UriPartial.Authority) + "/", account.ApiUrl.ToString());
        Assert.DoesNotContain(SecretMarker, account.ToString());
        Assert.Equal(1, TokenRequests);
    }

    [Fact]
    public async Task Only_the_alternative_platform_token_scopes_of_the_defaults_are_dropped_for_a_client_without_them()
    {
        RegisterClient(EmulatorScopes.PoliciesManagement, EmulatorScopes.IdentitiesRead, EmulatorScopes.IdentitiesWrite);
        using var defaults = DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, Secure(ClientSecret), Emulator.BaseUrl, TokenEndpoint);
        using var named = DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, Secure(ClientSecret), Emulator.BaseUrl, TokenEndpoint,
            new[] { EmulatorScopes.IdentitiesRead, EmulatorScopes.PlatformTokensManage });

        await defaults.CheckAsync(CancellationToken.None);
        var asked = await Assert.ThrowsAsync<OAuthTokenException>(() => named.CheckAsync(CancellationToken.None));

        Assert.Equal(3, TokenRequests);
        Assert.Equal("OAuthInvalidScope", asked.ErrorId);
        Assert.Equal(new[] { EmulatorScopes.PlatformTokensManage }, asked.MissingScopes);
        Assert.Contains(EmulatorScopes.PlatformTokensManage, asked.RecommendedAction);
    }

    [Fact]
    public void The_account_UUID_may_carry_the_urn_prefix_and_must_be_a_UUID()
    {
        RegisterClient(EmulatorScopes.All);
        using var account = DynatraceAccount.WithOAuthClient("urn:dtaccount:" + AccountUuid.ToUpperInvariant(), ClientId, Secure(ClientSecret));
        Assert.Equal(AccountUuid, account.AccountUuid);
        Assert.Equal(DynatraceAccount.DefaultApiUrl, account.ApiUrl);
        var ex = Assert.Throws<InvalidInputException>(() => DynatraceAccount.WithOAuthClient("not-a-uuid", ClientId, Secure(ClientSecret)));
        Assert.Equal("InvalidAccountUuid", ex.ErrorId);
    }

    [Fact]
    public void CI_variables_describe_the_account_without_Connect()
    {
        string? Variable(string name) => name switch
        {
            "DT_ACCOUNT_UUID" => AccountUuid,
            "DT_CLIENT_ID" => ClientId,
            "DT_CLIENT_SECRET" => ClientSecret,
            "DT_ACCOUNT_API_URL" => Emulator.BaseUrl.ToString(),
            _ => null,
        };
        using var account = DynatraceAccount.FromEnvironmentVariables(Variable);
        Assert.NotNull(account);
        Assert.Equal(AccountUuid, account!.AccountUuid);
        Assert.Null(DynatraceAccount.FromEnvironmentVariables(_ => null));
        var missing = Assert.Throws<InvalidInputException>(() => DynatraceAccount.FromEnvironmentVariables(n => n == "DT_ACCOUNT_UUID" ? AccountUuid : null));
        Assert.Equal("MissingClientId", missing.ErrorId);
    }

    [Fact]
    public async Task A_missing_scope_is_a_403_in_the_account_error_shape_whose_message_reaches_the_caller()
    {
        using var account = ConnectAccount(EmulatorScopes.IdentitiesRead);
        var ex = await Assert.ThrowsAsync<DynatraceApiException>(() => new IamPolicies(account, Log, Retry).ListAsync(AccountLevel(account), CancellationToken.None));
        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("iam-policies-management", ex.Message);
    }

    [Fact]
    public async Task The_granular_policy_read_scope_is_enough_to_list_policies()
    {
        using var account = ConnectAccount(EmulatorScopes.PoliciesRead);
        var policies = await new IamPolicies(account, Log, Retry).ListAllAsync(AccountLevel(account), CancellationToken.None);
        Assert.Contains(policies, p => p.Name == "Settings Reader" && p.LevelType == "global");
    }

    [Fact]
    public async Task Wrong_client_secret_fails_at_check_without_the_secret_in_the_message()
    {
        RegisterClient(EmulatorScopes.All);
        using var account = DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, Secure(ClientSecret + "x"), Emulator.BaseUrl, TokenEndpoint);
        var ex = await Assert.ThrowsAnyAsync<DynatraceAwsException>(() => account.CheckAsync(CancellationToken.None));
        Assert.DoesNotContain(SecretMarker, ex.Message);
        Assert.DoesNotContain(Log.Messages, m => m.Contains(SecretMarker));
    }
}
