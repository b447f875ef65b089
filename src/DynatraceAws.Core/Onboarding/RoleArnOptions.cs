using System;

namespace DynatraceAws.Core.Onboarding
{
    public sealed class RoleArnOptions
    {
        /// <summary>How long to keep retrying while Dynatrace cannot yet assume a new role.</summary>
        public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromMinutes(2);

        public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
    }
}
