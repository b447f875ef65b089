using System;
using System.Linq;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Tests.Auth;
using EmulatorScopes = DynatraceAws.Emulator.Dynatrace.AccountScopes;

namespace DynatraceAws.Core.Tests.AccountIam;

/// <summary>The emulator's account management API, reached with an OAuth client of the account.</summary>
public abstract class AccountIamTest : OAuthTest
{
    protected const string AccountUuid = "12a34567-8901-4bc3-845e-6f7a8b901234";

    protected DynatraceAccount ConnectAccount(params string[] scopes)
    {
        RegisterClient(scopes.Length > 0 ? scopes : EmulatorScopes.All);
        return DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, Secure(ClientSecret), Emulator.BaseUrl, TokenEndpoint,
            scopes.Length > 0 ? scopes : null);
    }

    protected PolicyLevel AccountLevel(DynatraceAccount account) => PolicyLevel.For(account, null, null);

    protected static readonly string Statement = PolicyStatement.AwsOnboarding;

    /// <summary>The requests that change something (the emulator's IsWrite counts every account API request, reads too).</summary>
    protected string[] AccountWrites => Emulator.Log.Entries.Where(e => e.Method != "GET" && e.Path.StartsWith("/iam")).Select(e => e.ToString()).ToArray();

    protected static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
}
