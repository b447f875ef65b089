using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>
    /// Seed 000's prerequisites in one idempotent step: the policy with the onboarding statement,
    /// a service user, the policy bound to the service user's group, and a platform token with the
    /// five onboarding scopes. A rerun reuses each of them and writes nothing.
    /// </summary>
    public sealed class AwsOnboardingSetup
    {
        public const string DefaultName = "dynatrace-aws-onboarding";

        private readonly DynatraceAccount _account;
        private readonly ICoreLog _log;
        private readonly RetryPolicy? _retry;

        public AwsOnboardingSetup(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _log = RedactingLog.Wrap(log);
            _retry = retry;
        }

        /// <summary>With <paramref name="environmentUrl"/>, a newly minted token also comes back as a connection to that environment.</summary>
        public async Task<OnboardingPrerequisites> EnsureAsync(string name, string? environmentUrl, string? environmentId, DateTimeOffset tokenExpiration,
            CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidOnboardingName");
            var url = environmentUrl is null ? null : EnvironmentUrl.Parse(environmentUrl, environmentId);
            var result = await EnsureAsync(name, url?.EnvironmentId ?? environmentId, tokenExpiration, ct).ConfigureAwait(false);
            if (url != null && result.Token != null)
                result.Connection = new DynatraceEnvironment(url, new PlatformTokenAuthorization(result.Token));
            return result;
        }

        /// <param name="environmentId">The environment the binding and the token are for; the whole account when null.</param>
        private async Task<OnboardingPrerequisites> EnsureAsync(string name, string? environmentId, DateTimeOffset tokenExpiration, CancellationToken ct)
        {
            var accountLevel = PolicyLevel.For(_account, PolicyLevel.Account, null);
            var bindingLevel = environmentId is null ? accountLevel : PolicyLevel.For(_account, PolicyLevel.Environment, environmentId);

            var policy = await new IamPolicies(_account, _log, _retry)
                .EnsureAsync(accountLevel, name, "AWS onboarding (seed 000): the AWS connection schema and the da-aws extension.",
                    PolicyStatement.AwsOnboarding, false, ct).ConfigureAwait(false);
            var user = await new ServiceUsers(_account, _log, _retry).EnsureAsync(name, "Onboards AWS accounts into Dynatrace.", ct).ConfigureAwait(false);
            var groupUuid = user.GroupUuid ?? throw new DynatraceAwsException("ServiceUserWithoutGroup", FailureCategory.ProtocolError,
                $"Service user '{user.Name}' ({user.Uid}) has no group to bind the policy to.", null);
            var targets = new BindingTargets(new[] { new IamReference(policy.Policy.Uuid, policy.Policy.Name) }, new[] { new IamReference(groupUuid, null) });
            var bound = await new PolicyBindings(_account, _log, _retry).GrantAsync(bindingLevel, targets, Array.Empty<string>(), ct).ConfigureAwait(false);

            var tokens = new PlatformTokens(_account, _log, _retry);
            var existing = (await tokens.ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(t => IsReusable(t, name, user.Uid));
            if (existing != null)
            {
                _log.Verbose($"Platform token '{name}' ({existing.TokenId}) of service user '{user.Name}' has the onboarding scopes; reusing it.");
                var changed = policy.Kind != PolicyChangeKind.Unchanged || bound.Count > 0;
                return new OnboardingPrerequisites(policy.Policy, user, groupUuid, existing.TokenId, existing.Name, null, changed);
            }
            var minted = await tokens.CreateAsync(name, OAuthScopes.EnvironmentDefaults, environmentId is null ? Array.Empty<string>() : new[] { environmentId },
                tokenExpiration, user.Uid, ct).ConfigureAwait(false);
            return new OnboardingPrerequisites(policy.Policy, user, groupUuid, minted.TokenId, minted.Name, minted.Token, true);
        }

        /// <summary>Same name and user, exactly the five scopes, not expired.</summary>
        private static bool IsReusable(PlatformToken token, string name, string userUuid) =>
            token.Name == name && token.UserUuid == userUuid
            && token.Scope.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(OAuthScopes.EnvironmentDefaults.OrderBy(s => s, StringComparer.Ordinal))
            && token.ExpirationDate is { } expires && expires > DateTimeOffset.UtcNow;
    }
}
