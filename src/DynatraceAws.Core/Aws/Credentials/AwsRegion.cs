using System;
using Amazon.Runtime.CredentialManagement;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// The region of the STS endpoint and of the partition, in the order AWS.Tools finds it
    /// (Common/CredentialsArguments.cs, TryGetRegion): the parameter, $StoredAWSRegion
    /// (Set-DefaultAWSRegion), the region of the default profile, AWS_REGION or AWS_DEFAULT_REGION;
    /// then us-east-1. AWS.Tools also asks EC2 instance metadata last; the module does not, so that
    /// no call leaves for 169.254.169.254 off EC2.
    /// </summary>
    public static class AwsRegion
    {
        public const string Fallback = "us-east-1";

        /// <summary>The profile names AWS.Tools reads a default region from, in its order.</summary>
        private static readonly string[] DefaultProfiles = { "default", "AWS PS Default" };

        /// <param name="variable">Reads an environment variable (Environment.GetEnvironmentVariable outside tests).</param>
        public static (string Region, string Source) Resolve(AwsCredentialOptions options, Func<string, string?> variable)
        {
            if (!string.IsNullOrWhiteSpace(options.Region)) return (options.Region!.Trim(), "the parameter");
            if (!string.IsNullOrWhiteSpace(options.StoredRegion)) return (options.StoredRegion!.Trim(), "$StoredAWSRegion (Set-DefaultAWSRegion)");
            var profiles = options.ProfileLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(options.ProfileLocation);
            foreach (var name in DefaultProfiles)
                if (profiles.TryGetProfile(name, out var profile) && profile.Region != null)
                    return (profile.Region.SystemName, $"the profile '{name}'");
            foreach (var name in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
                if (variable(name) is { } value && !string.IsNullOrWhiteSpace(value))
                    return (value.Trim(), name);
            return (Fallback, "the module's default");
        }
    }
}
