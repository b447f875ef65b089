using System;
using System.Reflection;
using Amazon.Runtime;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// An AWSCredentials of another copy of AWSSDK.Core (AWS.Tools'), asked for its keys at every
    /// use, as AWS.Tools asks it: one that refreshes itself (an assumed role, SSO, a container role)
    /// hands out new keys once the old ones expire.
    /// </summary>
    internal sealed class ForeignAwsCredentials : AWSCredentials
    {
        private readonly object _credentials;
        private readonly MethodInfo _getCredentials;

        /// <param name="getCredentials">The credentials' parameterless GetCredentials, which returns an object with AccessKey, SecretKey and Token.</param>
        public ForeignAwsCredentials(object credentials, MethodInfo getCredentials)
        {
            _credentials = credentials;
            _getCredentials = getCredentials;
        }

        /// <summary>The keys now, or null when the object answers with no access key and secret key.</summary>
        public AwsCredentials? TryRead()
        {
            object? keys;
            try
            {
                keys = _getCredentials.Invoke(_credentials, null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw new DynatraceAwsException("AwsCredentialRefreshFailed", FailureCategory.AuthenticationError,
                    "The AWS credential object could not give its keys: " + ex.InnerException.Message,
                    "Renew it (an expired SSO session: Invoke-AWSSSOLogin, then Get-AWSCredential), or pass other credentials.", ex.InnerException);
            }
            var accessKey = Read(keys, "AccessKey");
            var secretKey = Read(keys, "SecretKey");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey)) return null;
            // Constructing AwsCredentials registers the secrets with the Redactor.
            return new AwsCredentials(accessKey!, secretKey!, Read(keys, "Token"));
        }

        public override ImmutableCredentials GetCredentials()
        {
            var keys = TryRead() ?? throw new DynatraceAwsException("AwsCredentialRefreshFailed", FailureCategory.AuthenticationError,
                "The AWS credential object gave no access key and secret key.", "Pass other credentials.");
            return new ImmutableCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken);
        }

        private static string? Read(object? source, string property) =>
            source?.GetType().GetProperty(property)?.GetValue(source) as string;
    }
}
