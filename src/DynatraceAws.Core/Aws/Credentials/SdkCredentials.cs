using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// Resolves <see cref="AwsCredentialOptions"/> to SDK credentials in the order AWS.Tools uses
    /// (Common/CredentialsArguments.cs, TryGetCredentials): keys, profile, credential object,
    /// $StoredAWSCredentials, then what the environment offers.
    /// </summary>
    internal static class SdkCredentials
    {
        public static (AWSCredentials Credentials, string Source) Resolve(AwsCredentialOptions options)
        {
            if (!string.IsNullOrEmpty(options.AccessKey) || options.SecretKey != null)
                return (Literal(options), "-AccessKey/-SecretKey");
            if (!string.IsNullOrEmpty(options.ProfileName))
                return (Profile(options.ProfileName!, options.ProfileLocation), $"profile '{options.ProfileName}'");
            if (options.Credential != null)
                return (CredentialBridge.From(options.Credential), "-Credential");
            if (CredentialBridge.IsStoredToolsCredential(options.StoredCredential))
                return (CredentialBridge.From(options.StoredCredential!), "$StoredAWSCredentials (Set-AWSCredential)");
            try
            {
                return (DefaultAWSCredentialsIdentityResolver.GetCredentials(), "the default credential chain");
            }
            catch (AmazonClientException ex)
            {
                throw new DynatraceAwsException("AwsCredentialsNotFound", FailureCategory.AuthenticationError,
                    "No AWS credentials were found: " + ex.Message,
                    "Pass -ProfileName, -Credential or -AccessKey/-SecretKey, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", ex);
            }
        }

        private static AWSCredentials Literal(AwsCredentialOptions options)
        {
            if (string.IsNullOrEmpty(options.AccessKey))
                throw new InvalidInputException("MissingAccessKey", "AccessKey", null, "is empty", "Pass -AccessKey with -SecretKey.");
            if (options.SecretKey is null || options.SecretKey.Length == 0)
                throw new InvalidInputException("MissingSecretKey", "SecretKey", null, "is empty", "Pass -SecretKey with -AccessKey.");
            var secret = SecureStrings.Reveal(options.SecretKey);
            var token = options.SessionToken is null ? null : SecureStrings.Reveal(options.SessionToken);
            // Constructing AwsCredentials registers the secrets with the Redactor.
            _ = new AwsCredentials(options.AccessKey!, secret, token);
            return string.IsNullOrEmpty(token)
                ? new BasicAWSCredentials(options.AccessKey, secret)
                : new SessionAWSCredentials(options.AccessKey, secret, token);
        }

        private static AWSCredentials Profile(string name, string? location)
        {
            var chain = location is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(location);
            if (chain.TryGetAWSCredentials(name, out var credentials)) return credentials;
            throw new InvalidInputException("AwsProfileNotFound", "ProfileName", name, "is not a profile of the AWS config or credentials files",
                "Check the name with 'aws configure list-profiles', or pass -ProfileLocation.");
        }
    }
}
