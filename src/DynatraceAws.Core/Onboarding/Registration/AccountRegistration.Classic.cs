using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Classic;

namespace DynatraceAws.Core.Onboarding.Registration
{
    public sealed partial class AccountRegistration
    {
        private ClassicOnboarding? _classic;

        /// <summary>
        /// The classic path (an Api-Token connection): the role trusts the classic account with the
        /// environment's external id, then role-based AWS credentials named like the connection would be.
        /// There is no monitoring configuration to create.
        /// </summary>
        private async Task<AccountResult> OnboardClassicAsync(AccountRequest request, ValidAccount account, AccountResult result,
            List<string> changes, Stopwatch clock, Action<OnboardingStep> at, CancellationToken ct)
        {
            var classic = LazyInitializer.EnsureInitialized(ref _classic, () => new ClassicOnboarding(_environment, _log, _retry))!;

            at(OnboardingStep.Role);
            Report(account, OnboardingStep.Role);
            var spec = RoleSpec(request, account, await classic.ExternalIdAsync().ConfigureAwait(false));
            var roles = new MonitoringRoles(await AwsAccountAccess.OpenAsync(account.AccountId, AwsOptions(request), _log, _retry, ct).ConfigureAwait(false), _log, _retry);
            var role = _options.PlanOnly ? await roles.PlanAsync(spec, ct).ConfigureAwait(false) : await roles.EnsureAsync(spec, ct).ConfigureAwait(false);
            changes.AddRange(role.Created.Select(c => "AWS: create " + c));
            changes.AddRange(role.Updated.Select(u => "AWS: " + u));
            result.RoleArn = role.RoleArn;

            at(OnboardingStep.Connection);
            Report(account, OnboardingStep.Connection);
            result.ConnectionId = await classic.EnsureCredentialAsync(
                new AwsCredentialSpec { Label = account.Name, AccountId = account.AccountId, RoleName = spec.RoleName },
                _options.PlanOnly, changes, ct).ConfigureAwait(false);

            result.Status = _options.PlanOnly ? AccountStatus.Planned : changes.Count > 0 ? AccountStatus.Onboarded : AccountStatus.AlreadyOnboarded;
            result.Changes = changes;
            result.Duration = clock.Elapsed;
            return result;
        }
    }
}
