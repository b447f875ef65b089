using System;
using System.Collections.Generic;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>The settings of one Register-DtAwsAccount run, shared by its accounts.</summary>
    public sealed class RegistrationOptions
    {
        /// <summary>How many accounts are onboarded at once.</summary>
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>The AWS credentials of the run; an account's ProfileName or AssumeRoleName overrides them.</summary>
        public AwsCredentialOptions Aws { get; set; } = new AwsCredentialOptions();

        public string RoleName { get; set; } = MonitoringRoleSpec.DefaultRoleName;
        public string? PolicyNamePrefix { get; set; }
        public string? TrustedAccountId { get; set; }
        public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public IReadOnlyList<string>? FeatureSet { get; set; }
        public IReadOnlyList<string>? Region { get; set; }
        public RoleArnOptions RoleArn { get; set; } = new RoleArnOptions();

        /// <summary>Replace the trust policy of a role that trusts Dynatrace with another external id.</summary>
        public bool Force { get; set; }

        /// <summary>The endpoints the run gives up on when they stop answering; shared by every run of one command.</summary>
        public EndpointBreakers Breakers { get; set; } = new EndpointBreakers();
    }
}
