using System;
using System.Collections.Generic;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The monitoring role's part of a plan: the ARN it will have, and the change Dynatrace's assuming it waits for.</summary>
    internal sealed class RolePlan
    {
        private readonly MonitoringRoleSpec _spec;
        private readonly Func<string> _externalId;

        public RolePlan(MonitoringRoleSpec spec, string roleArn, IReadOnlyList<string> policyArns, PlanStep? trustReady, Func<string> externalId)
        {
            _spec = spec;
            RoleArn = roleArn;
            PolicyArns = policyArns;
            TrustReady = trustReady;
            _externalId = externalId;
        }

        public string RoleArn { get; }
        public IReadOnlyList<string> PolicyArns { get; }

        /// <summary>The change (create, or a new trust policy) after which Dynatrace can assume the role; null when it already can.</summary>
        public PlanStep? TrustReady { get; }

        public MonitoringRole Result() => new MonitoringRole(_spec.AccountId, _spec.RoleName, RoleArn, _externalId(), PolicyArns);
    }
}
