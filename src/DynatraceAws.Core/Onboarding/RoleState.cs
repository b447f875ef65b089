using System;
using System.Collections.Generic;
using DynatraceAws.Core.Aws.Iam;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>What one AWS account has of the monitoring role, as read before it is planned.</summary>
    internal sealed class RoleState
    {
        public RoleState(IamRole? role, IReadOnlyList<AttachedPolicy> attached, IReadOnlyDictionary<string, PolicyState> policies)
        {
            Role = role;
            Attached = attached;
            Policies = policies;
        }

        /// <summary>Null when the account has no role of that name.</summary>
        public IamRole? Role { get; }

        public IReadOnlyList<AttachedPolicy> Attached { get; }

        /// <summary>By policy name.</summary>
        public IReadOnlyDictionary<string, PolicyState> Policies { get; }
    }

    internal enum PolicyState
    {
        /// <summary>Not read: the role is new, so its policies most likely are too; creating adopts one that exists.</summary>
        NotRead,
        Absent,
        Current,

        /// <summary>Its default version differs from Dynatrace's document.</summary>
        Outdated,
    }
}
