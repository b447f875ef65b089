using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Plans;

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
        private async Task<Func<AccountResult, AccountResult>> PlanClassicAsync(PlanBuilder plan, AccountRequest request, ValidAccount account,
            AwsAccountAccess access, Dictionary<PlannedChange, string> stepOf, CancellationToken ct)
        {
            var classic = LazyInitializer.EnsureInitialized(ref _classic, () => new ClassicOnboarding(_environment, _log, _retry))!;
            var externalId = await classic.ExternalIdAsync().ConfigureAwait(false);
            var spec = RoleSpec(request, account, externalId);
            var roles = new MonitoringRoles(access, _log, _retry);
            var roleState = await roles.ReadAsync(spec, readPoliciesOfAbsentRole: false, ct).ConfigureAwait(false);
            var credential = await classic.FindCredentialAsync(
                new AwsCredentialSpec { Label = account.Name, AccountId = account.AccountId, RoleName = spec.RoleName }, ct).ConfigureAwait(false);

            var role = roles.AddTo(plan, spec, roleState, () => externalId, null);
            Mark(plan, stepOf, OnboardingStep.Role);
            var credentialId = classic.AddTo(plan, credential, role.TrustReady);
            Mark(plan, stepOf, OnboardingStep.Connection);

            return result =>
            {
                result.RoleArn = role.RoleArn;
                result.ConnectionId = credentialId();
                return result;
            };
        }
    }
}
