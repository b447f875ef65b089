using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;
using EmulatorScopes = DynatraceAws.Emulator.Dynatrace.AccountScopes;

namespace DynatraceAws.Core.Tests.AccountIam.Contract;

/// <summary>
/// The account client and the emulator's account API, both judged by Dynatrace's account management
/// OpenAPI (shared/contracts/dynatrace/openapi/account-management.json): every public operation of the
/// client runs against the emulator (a policy and a binding that are not there included, for the
/// error answers), and every request it sends and every answer it gets must be one the contract declares. The platform tokens API and the SSO token endpoint are not in that contract.
/// </summary>
public class AccountContractTests : AccountIamTest
{
    private static readonly string[] NotInContract =
    {
        DynatraceState.TokenPath,
        $"/iam/v1/accounts/{AccountUuid}/platform-tokens",
    };

    private static readonly Type[] ClientTypes =
    {
        typeof(IamGroups), typeof(IamPolicies), typeof(PolicyBindings), typeof(ServiceUsers), typeof(PlatformTokens),
        typeof(IamReferences), typeof(AwsOnboardingSetup),
    };

    /// <summary>Every public operation of the account client, in an order where each finds what it needs.</summary>
    private static readonly ClientCall[] Calls =
    {
        new(typeof(AwsOnboardingSetup), "PlanAsync", (c, ct) => new AwsOnboardingSetup(c.Account, c.Log, c.Retry)
            .PlanAsync("contract-setup", null, "abc12345", DateTimeOffset.UtcNow.AddDays(1), ct).ApplyAsync(ct)),
        new(typeof(ServiceUsers), "PlanCreateAsync", async (c, ct) => c.User = await c.Users.PlanCreateAsync("contract-bot", "a bot", ct).ApplyAsync(ct)),
        new(typeof(ServiceUsers), "ListAsync", (c, ct) => c.Users.ListAsync(ct)),
        new(typeof(ServiceUsers), "GetAsync", (c, ct) => c.Users.GetAsync(c.User!.Uid, ct)),
        new(typeof(ServiceUsers), "UidOfAsync", (c, ct) => c.Users.UidOfAsync("contract-bot", ct)),
        new(typeof(IamGroups), "PlanCreateAsync", async (c, ct) => c.Group = await c.Groups.PlanCreateAsync("contract-group", "a group", ct).ApplyAsync(ct)),
        new(typeof(IamGroups), "ListAsync", (c, ct) => c.Groups.ListAsync(ct)),
        new(typeof(IamPolicies), "PlanCreateAsync", async (c, ct) =>
        {
            c.Policy = await c.Policies.PlanCreateAsync(c.Level, "contract-policy", "", "ALLOW settings:objects:read;", false, ct).ApplyAsync(ct);
            await c.Policies.PlanCreateAsync(c.Level, "contract-policy", "", Statement, true, ct).ApplyAsync(ct);
        }),
        new(typeof(IamPolicies), "ListAsync", (c, ct) => c.Policies.ListAsync(c.Level, ct)),
        new(typeof(IamPolicies), "ListAllAsync", (c, ct) => c.Policies.ListAllAsync(c.Level, ct)),
        new(typeof(IamPolicies), "GetAsync", async (c, ct) =>
        {
            await c.Policies.GetAsync(c.Level, c.Policy!.Uuid, ct);
            Assert.Null(await c.Policies.GetAsync(c.Level, Guid.NewGuid().ToString(), ct));
        }),
        new(typeof(IamPolicies), "FindByNameAsync", (c, ct) => c.Policies.FindByNameAsync(c.Level, "contract-policy", ct)),
        new(typeof(IamPolicies), "PlanUpdateAsync", (c, ct) => c.Policies.PlanUpdateAsync(c.Level, c.Policy!.Uuid, null, "described", null, ct).ApplyAsync(ct)),
        new(typeof(IamReferences), "ResolveAsync", async (c, ct) => c.Targets = await new IamReferences(c.Account, c.Log, c.Retry)
            .ResolveAsync(c.Level, new[] { "contract-policy" }, Array.Empty<string>(), new[] { "contract-group" }, Array.Empty<string>(), ct)),
        new(typeof(PolicyBindings), "PlanGrantAsync", (c, ct) => c.Bindings.PlanGrantAsync(c.Level, c.Targets!, Array.Empty<string>(), ct).ApplyAsync(ct)),
        new(typeof(PolicyBindings), "ListAsync", async (c, ct) =>
        {
            await c.Bindings.ListAsync(c.Level, null, ct);
            await c.Bindings.ListAsync(c.Level, c.Policy!.Uuid, ct);
        }),
        new(typeof(PolicyBindings), "PoliciesOfGroupAsync", (c, ct) => c.Bindings.PoliciesOfGroupAsync(c.Level, c.Group!.Uuid, ct)),
        new(typeof(PolicyBindings), "PlanRevokeAsync", (c, ct) => c.Bindings.PlanRevokeAsync(c.Level, c.Targets!, ct).ApplyAsync(ct)),
        new(typeof(PolicyBindings), "PlanReplaceAsync", (c, ct) => c.Bindings.PlanReplaceAsync(c.Level, c.Targets!, ct).ApplyAsync(ct)),
        new(typeof(IamPolicies), "PlanDeleteAsync", (c, ct) => c.Policies.PlanDeleteAsync(c.Level, c.Policy!.Uuid, true, ct).ApplyAsync(ct)),
        new(typeof(PlatformTokens), "PlanCreateAsync", async (c, ct) => c.TokenId = (await c.Tokens.PlanCreateAsync("contract-token", OAuthScopes.EnvironmentDefaults,
            Array.Empty<string>(), DateTimeOffset.UtcNow.AddDays(1), c.User!.Uid, ct).ApplyAsync(ct)).TokenId),
        new(typeof(PlatformTokens), "ListAsync", (c, ct) => c.Tokens.ListAsync(ct)),
        new(typeof(PlatformTokens), "FindAsync", (c, ct) => c.Tokens.FindAsync(c.TokenId!, ct)),
        new(typeof(PlatformTokens), "PlanDeleteAsync", (c, ct) => c.Tokens.PlanDeleteAsync(c.TokenId!, ct).ApplyAsync(ct)),
    };

    /// <summary>The contract's operations the account client uses, each reached by the table.</summary>
    private static readonly string[] ContractOperations =
    {
        "GET /iam/v1/accounts/{accountUuid}/groups",
        "POST /iam/v1/accounts/{accountUuid}/groups",
        "GET /iam/v1/accounts/{accountUuid}/service-users",
        "POST /iam/v1/accounts/{accountUuid}/service-users",
        "GET /iam/v1/accounts/{accountUuid}/service-users/{userUuid}",
        "GET /iam/v1/repo/{levelType}/{levelId}/policies",
        "POST /iam/v1/repo/{levelType}/{levelId}/policies",
        "GET /iam/v1/repo/{levelType}/{levelId}/policies/aggregate",
        "GET /iam/v1/repo/{levelType}/{levelId}/policies/{policyUuid}",
        "PUT /iam/v1/repo/{levelType}/{levelId}/policies/{policyUuid}",
        "DELETE /iam/v1/repo/{levelType}/{levelId}/policies/{policyUuid}",
        "GET /iam/v1/repo/{levelType}/{levelId}/bindings",
        "GET /iam/v1/repo/{levelType}/{levelId}/bindings/{policyUuid}",
        "POST /iam/v1/repo/{levelType}/{levelId}/bindings/{policyUuid}",
        "DELETE /iam/v1/repo/{levelType}/{levelId}/bindings/{policyUuid}/{groupUuid}",
        "GET /iam/v1/repo/{levelType}/{levelId}/bindings/groups/{groupUuid}",
        "PUT /iam/v1/repo/{levelType}/{levelId}/bindings/groups/{groupUuid}",
    };

    [Fact]
    public void The_table_covers_every_public_operation_of_the_account_client()
    {
        var operations = ClientTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)).Select(m => $"{t.Name}.{m.Name}")).Distinct();

        Assert.Equal(operations.OrderBy(n => n), Calls.Select(c => $"{c.Type.Name}.{c.Method}").OrderBy(n => n));
    }

    [Fact]
    public async Task Every_request_the_account_client_sends_and_every_answer_the_emulator_gives_keep_the_contract()
    {
        var recorder = new ExchangeRecorder();
        RegisterClient(EmulatorScopes.All);
        using var account = DynatraceAccount.WithOAuthClient(AccountUuid, ClientId, Secure(ClientSecret), Emulator.BaseUrl, TokenEndpoint, null, recorder);
        var context = new CallContext(account, Log, Retry, AccountLevel(account));

        foreach (var call in Calls) await call.Invoke(context, CancellationToken.None);

        var judged = recorder.Exchanges.Where(e => !NotInContract.Any(e.Path.StartsWith)).ToArray();
        var violations = judged.SelectMany(e => OpenApiContract.AccountManagement.CheckRequest(e.Method, e.PathAndQuery, e.RequestBody)
            .Concat(OpenApiContract.AccountManagement.CheckResponse(e.Method, e.PathAndQuery, e.Status, e.ResponseBody))).Distinct().ToList();
        Assert.True(violations.Count == 0, string.Join(System.Environment.NewLine, violations));
        var operations = judged.Select(e => $"{e.Method} {OpenApiContract.AccountManagement.TemplateOf(e.Method, e.Path)}").Distinct().OrderBy(o => o);
        Assert.Equal(ContractOperations.OrderBy(o => o), operations);
    }

    private sealed class ClientCall
    {
        private readonly Func<CallContext, CancellationToken, Task> _invoke;

        public ClientCall(Type type, string method, Func<CallContext, CancellationToken, Task> invoke)
        {
            Type = type;
            Method = method;
            _invoke = invoke;
        }

        public Type Type { get; }
        public string Method { get; }

        public Task Invoke(CallContext context, CancellationToken ct) => _invoke(context, ct);
    }

    private sealed class CallContext(DynatraceAccount account, CollectingLog log, RetryPolicy retry, PolicyLevel level)
    {
        public DynatraceAccount Account { get; } = account;
        public CollectingLog Log { get; } = log;
        public RetryPolicy Retry { get; } = retry;
        public PolicyLevel Level { get; } = level;
        public ServiceUsers Users { get; } = new(account, log, retry);
        public IamGroups Groups { get; } = new(account, log, retry);
        public IamPolicies Policies { get; } = new(account, log, retry);
        public PolicyBindings Bindings { get; } = new(account, log, retry);
        public PlatformTokens Tokens { get; } = new(account, log, retry);
        public ServiceUser? User { get; set; }
        public IamGroup? Group { get; set; }
        public IamPolicy? Policy { get; set; }
        public BindingTargets? Targets { get; set; }
        public string? TokenId { get; set; }
    }
}
