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

        [Parameter]
        [Alias("SK")]
        public SecureString? SecretKey { get; set; }

        [Parameter]
        [Alias("ST")]
        public SecureString? SessionToken { get; set; }

        /// <summary>A role to assume in the target account first, such as OrganizationAccountAccessRole.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AssumeRoleName { get; set; }

        /// <summary>Replaces the IAM and STS endpoints, for example with the local emulator.</summary>
        [Parameter]
        public Uri? EndpointUrl { get; set; }

        internal AwsCredentialOptions AwsOptions(string? region)
        {
            var options = new AwsCredentialOptions
            {
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                Credential = Credential,
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation,
                Region = region,
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
    }
}
