using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>
    /// Seed 000's prerequisites as one plan: the policy with the onboarding statement, a service user,
    /// the policy bound to the service user's group, and a platform token with the five onboarding
    /// scopes, each change after those it needs. A rerun reuses each of them and plans nothing.
    /// </summary>
    public sealed class AwsOnboardingSetup
    {
        public const string DefaultName = "dynatrace-aws-onboarding";

        private readonly DynatraceAccount _account;
        private readonly IamPolicies _policies;
        private readonly ServiceUsers _users;
        private readonly PolicyBindings _bindings;
        private readonly PlatformTokens _tokens;

        public AwsOnboardingSetup(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _policies = new IamPolicies(account, log, retry);
            _users = new ServiceUsers(account, log, retry);
            _bindings = new PolicyBindings(account, log, retry);
            _tokens = new PlatformTokens(account, log, retry);
        }

        /// <summary>
        /// Checks the input and reads the policy, the service user, the binding and the tokens, writing
        /// nothing, and plans what is missing. A policy of the name with another statement is
        /// PolicyStatementDiffers before any write. With <paramref name="environmentUrl"/>, a token the
        /// plan mints also comes back as a connection to that environment.
        /// </summary>
        /// <param name="environmentId">The environment the binding and the token are for; the whole account when null (and no URL names one).</param>
        public async Task<Plan<OnboardingPrerequisites>> PlanAsync(string name, string? environmentUrl, string? environmentId, DateTimeOffset tokenExpiration,
            CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidOnboardingName");
            var url = environmentUrl is null ? null : EnvironmentUrl.Parse(environmentUrl, environmentId);
            environmentId = url?.EnvironmentId ?? environmentId;
            PlatformTokens.RequireFuture(tokenExpiration);
            var accountLevel = PolicyLevel.For(_account, PolicyLevel.Account, null);
            var bindingLevel = environmentId is null ? accountLevel : PolicyLevel.For(_account, PolicyLevel.Environment, environmentId);

            var policy = await _policies.PlanCreateAsync(accountLevel, name, "AWS onboarding (seed 000): the AWS connection schema and the da-aws extension.",
                PolicyStatement.AwsOnboarding, false, ct).ConfigureAwait(false);
            var user = await _users.PlanCreateAsync(name, "Onboards AWS accounts into Dynatrace.", ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            var policyCreated = plan.Include(policy);
            var userCreated = plan.Include(user);
            if (policy.HasChanges || user.HasChanges)
                plan.Add(PolicyBindings.BindingChange($"'{name}'", $"of service user '{name}'", 1, Array.Empty<string>()),
                    ct2 => _bindings.BindAsync(bindingLevel, policy.Result().Uuid, new[] { GroupOf(user.Result()) }, Array.Empty<string>(), ct2),
                    policyCreated.Concat(userCreated).ToArray());
            else
                plan.Include(await _bindings.PlanGrantAsync(bindingLevel, new BindingTargets(
                    new[] { new IamReference(policy.Result().Uuid, name) }, new[] { new IamReference(GroupOf(user.Result()), null) }),
                    Array.Empty<string>(), ct).ConfigureAwait(false));

            var reused = user.HasChanges ? null
                : (await _tokens.ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(t => IsReusable(t, name, user.Result().Uid));
            var minted = reused is null
                ? _tokens.AddCreateTo(plan, name, OAuthScopes.EnvironmentDefaults, environmentId is null ? Array.Empty<string>() : new[] { environmentId },
                    tokenExpiration, () => user.Result().Uid, $"service user '{name}'", userCreated)
                : () => null;
            var changed = plan.Steps.Count > 0;
            return plan.Build($"AWS onboarding prerequisites '{name}' in {_account}", () =>
                {
                    var token = minted();
                    return new OnboardingPrerequisites(policy.Result(), user.Result(), GroupOf(user.Result()), token?.TokenId ?? reused!.TokenId,
                        name, token?.Token, changed)
                    {
                        Connection = url != null && token != null ? new DynatraceEnvironment(url, new PlatformTokenAuthorization(token.Token)) : null,
                    };
                },
                $"The policy, service user, binding and platform token '{name}' are in place (token {reused?.TokenId}); nothing to change.");
        }

        private static string GroupOf(ServiceUser user) => user.GroupUuid ?? throw new DynatraceAwsException("ServiceUserWithoutGroup",
            FailureCategory.ProtocolError, $"Service user '{user.Name}' ({user.Uid}) has no group to bind the policy to.", null);

        /// <summary>Same name and user, exactly the five scopes, not expired.</summary>
        private static bool IsReusable(PlatformToken token, string name, string userUuid) =>
            token.Name == name && token.UserUuid == userUuid
            && token.Scope.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(OAuthScopes.EnvironmentDefaults.OrderBy(s => s, StringComparer.Ordinal))
            && token.ExpirationDate is { } expires && expires > DateTimeOffset.UtcNow;
    }
}
