using System;
using System.Reflection;
using Amazon.Runtime;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// Reads an AWS.Tools credential object. It comes from AWS.Tools' own copy of AWSSDK.Core, a
    /// different assembly from ours, so it is read by member names, not by type.
    /// </summary>
    internal static class CredentialBridge
    {
        /// <summary>
        /// Whether a value of $StoredAWSCredentials is what Set-AWSCredential keeps there, an
        /// AWSPSCredentials; AWS.Tools ignores anything else in that variable, and so does the module.
        /// </summary>
        public static bool IsStoredToolsCredential(object? value) => value?.GetType().Name == "AWSPSCredentials";

        /// <summary>Credentials that read <paramref name="credential"/> at every use; it is read once now, so that an object of the wrong kind fails here.</summary>
        public static AWSCredentials From(object credential)
        {
            if (credential is AWSCredentials ours) return ours;

            // AWS.Tools' AWSPSCredentials wraps the SDK credentials in a non-public Credentials property.
            var inner = credential.GetType().GetProperty("Credentials", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                ?.GetValue(credential);
            var sdk = inner ?? credential;
            var getCredentials = sdk.GetType().GetMethod("GetCredentials", Type.EmptyTypes);
            var bridged = getCredentials is null ? null : new ForeignAwsCredentials(sdk, getCredentials);
            if (bridged?.TryRead() is null)
                throw new InvalidInputException("UnsupportedCredential", "Credential", credential.GetType().FullName,
                    "is not an AWS credential this module can read",
                    "Pass the output of Get-AWSCredential, a PSCredential of access key and secret key, or use -ProfileName.");
            return bridged;
        }
    }
}
