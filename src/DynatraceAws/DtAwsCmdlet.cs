using System;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using System.Security;
using DynatraceAws.Core.Aws.Credentials;

namespace DynatraceAws.Commands
{
    /// <summary>A cmdlet that works in AWS: the credential parameters of AWS.Tools.</summary>
    public abstract class DtAwsCmdlet : DtCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        /// <summary>An AWS.Tools credential (Get-AWSCredential) or a PSCredential of access key and secret key.</summary>
        [Parameter]
        public object? Credential { get; set; }

        [Parameter]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        /// <summary>A SecureString, or plain text as AWS.Tools takes it.</summary>
        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        [PlainTextToSecureString]
        public SecureString? SecretKey { get; set; }

        /// <summary>A SecureString, or plain text as AWS.Tools takes it.</summary>
        [Parameter]
        [Alias("ST")]
        [PlainTextToSecureString]
        public SecureString? SessionToken { get; set; }

        /// <summary>A role to assume in the target account first, such as OrganizationAccountAccessRole.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AssumeRoleName { get; set; }

        /// <summary>Replaces the IAM and STS endpoints, for example with the local emulator.</summary>
        [Parameter]
        public Uri? EndpointUrl { get; set; }

        /// <summary>
        /// The region of the STS endpoint and of the partition: what -Region means in AWS.Tools. In this
        /// module -Region is always a region to monitor.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? EndpointRegion { get; set; }

        /// <summary>The AWS parameters, with AWS.Tools' session defaults (Set-AWSCredential, Set-DefaultAWSRegion). Reads session state: call it on the pipeline thread.</summary>
        internal AwsCredentialOptions AwsOptions()
        {
            var options = new AwsCredentialOptions
            {
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                Credential = Credential,
                StoredCredential = SessionVariable("StoredAWSCredentials"),
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation,
                Region = EndpointRegion,
                StoredRegion = SessionVariable("StoredAWSRegion") as string,
                EndpointUrl = EndpointUrl,
                AssumeRoleName = AssumeRoleName,
            };
            if (Credential != null && PSObject.AsPSObject(Credential).BaseObject is PSCredential key)
            {
                options.Credential = null;
                options.AccessKey = key.UserName;
                options.SecretKey = key.Password;
            }
            return options;
        }

        private object? SessionVariable(string name) => SessionState.PSVariable.GetValue(name) is { } value ? PSObject.AsPSObject(value).BaseObject : null;
    }
}
