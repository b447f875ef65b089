using System;
using System.Security;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// The AWS.Tools credential conventions: literal keys, a credential object, a profile, or
    /// (none given) the SDK's default chain: environment variables, web identity, the default
    /// profile, container and instance roles.
    /// </summary>
    public sealed class AwsCredentialOptions
    {
        public string? AccessKey { get; set; }
        public SecureString? SecretKey { get; set; }
        public SecureString? SessionToken { get; set; }

        /// <summary>An AWS.Tools credential (AWSCredentials or its AWSPSCredentials wrapper), read through reflection.</summary>
        public object? Credential { get; set; }

        public string? ProfileName { get; set; }

        /// <summary>A credentials file other than the shared one (AWS.Tools' -ProfileLocation).</summary>
        public string? ProfileLocation { get; set; }

        /// <summary>The region of the STS endpoint and of the partition; us-east-1 when left out.</summary>
        public string? Region { get; set; }

        /// <summary>Replaces the IAM and STS endpoints (the emulator).</summary>
        public Uri? EndpointUrl { get; set; }

        /// <summary>A role in the target account to assume first, such as OrganizationAccountAccessRole.</summary>
        public string? AssumeRoleName { get; set; }
    }
}
