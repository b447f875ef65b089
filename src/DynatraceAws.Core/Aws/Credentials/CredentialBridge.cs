using System;
using System.Reflection;
using Amazon.Runtime;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// Reads an AWS.Tools credential object. It comes from AWS.Tools' own copy of AWSSDK.Core, a
    /// different assembly from ours, so it is read by member names, not by type.
    /// </summary>
    internal static class CredentialBridge
    {
        public static AWSCredentials From(object credential)
        {
            if (credential is AWSCredentials ours) return ours;

            // AWS.Tools' AWSPSCredentials wraps the SDK credentials in a non-public Credentials property.
            var inner = credential.GetType().GetProperty("Credentials", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                ?.GetValue(credential);
            var sdk = inner ?? credential;
            var getCredentials = sdk.GetType().GetMethod("GetCredentials", Type.EmptyTypes);
            var immutable = getCredentials?.Invoke(sdk, null);
            var accessKey = Read(immutable, "AccessKey");
            var secretKey = Read(immutable, "SecretKey");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
                throw new InvalidInputException("UnsupportedCredential", "Credential", credential.GetType().FullName,
                    "is not an AWS credential this module can read",
                    "Pass the output of Get-AWSCredential, a PSCredential of access key and secret key, or use -ProfileName.");
            var token = Read(immutable, "Token");
            _ = new AwsCredentials(accessKey!, secretKey!, token);
            return string.IsNullOrEmpty(token) ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
        }

        private static string? Read(object? source, string property) =>
            source?.GetType().GetProperty(property)?.GetValue(source) as string;
    }
}
