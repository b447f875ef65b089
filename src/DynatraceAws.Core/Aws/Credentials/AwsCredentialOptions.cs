using System;
using System.Security;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// The AWS.Tools credential conventions, in AWS.Tools' order: literal keys, a profile, a
    /// credential object, the session's Set-AWSCredential, or (none of them) the SDK's default
    /// chain: environment variables, web identity, the default profile, container and instance roles.
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

        /// <summary>The session's $StoredAWSCredentials (Set-AWSCredential): used when it is an AWS.Tools credential and no parameter names one.</summary>
        public object? StoredCredential { get; set; }

        /// <summary>The region of the STS endpoint and of the partition; when left out, as <see cref="AwsRegion"/> finds it.</summary>
        public string? Region { get; set; }

        /// <summary>The session's $StoredAWSRegion (Set-DefaultAWSRegion).</summary>
        public string? StoredRegion { get; set; }

        /// <summary>Replaces the IAM, STS and Organizations endpoints (the emulator), and wins over AWS_ENDPOINT_URL and its kin.</summary>
        public Uri? EndpointUrl { get; set; }

        /// <summary>A role in the target account to assume first, such as OrganizationAccountAccessRole.</summary>
        public string? AssumeRoleName { get; set; }
    }
}
