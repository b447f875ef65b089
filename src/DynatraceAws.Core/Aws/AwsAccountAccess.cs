using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using RetryPolicy = DynatraceAws.Core.Http.RetryPolicy;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// Credentials proven to belong to one AWS account: resolved the AWS.Tools way, optionally
    /// through a role assumed in that account, and checked with GetCallerIdentity before anything
    /// is written.
    /// </summary>
    public sealed class AwsAccountAccess
    {
        public const string SessionName = "DynatraceAws";

        private AwsAccountAccess(string accountId, string callerArn, AwsPartition partition, Uri iamEndpoint,
            IAwsCredentialSource credentials, string credentialSource)
        {
            AccountId = accountId;
            CallerArn = callerArn;
            Partition = partition;
            IamEndpoint = iamEndpoint;
            Credentials = credentials;
            CredentialSource = credentialSource;
        }

        public string AccountId { get; }
        public string CallerArn { get; }
        public AwsPartition Partition { get; }
        public Uri IamEndpoint { get; }
        public string CredentialSource { get; }
        internal IAwsCredentialSource Credentials { get; }

        public IamClient Iam(RetryPolicy? retry = null, ICoreLog? log = null) =>
            new IamClient(AwsHttp.Shared, IamEndpoint, Partition.IamSigningRegion, Credentials, retry, log);

        public static async Task<AwsAccountAccess> OpenAsync(string accountId, AwsCredentialOptions options, ICoreLog? log,
            RetryPolicy? retry, CancellationToken ct)
        {
            var coreLog = RedactingLog.Wrap(log);
            var policy = retry ?? RetryPolicy.Default;
            InputRules.AccountId(accountId);
            if (!string.IsNullOrEmpty(options.AssumeRoleName)) InputRules.AssumeRoleName(options.AssumeRoleName);
            var (region, regionSource) = AwsRegion.Resolve(options, Environment.GetEnvironmentVariable);
            var partition = AwsPartition.ForDynatraceMonitoring(region);
            var stsEndpoint = ConfiguredEndpoint.For(ConfiguredEndpoint.Sts, options.EndpointUrl, Environment.GetEnvironmentVariable) ?? partition.StsEndpoint(region);
            var iamEndpoint = ConfiguredEndpoint.For(ConfiguredEndpoint.Iam, options.EndpointUrl, Environment.GetEnvironmentVariable) ?? partition.IamEndpoint;

            var (credentials, source) = SdkCredentials.Resolve(options);
            coreLog.Debug($"AWS credentials from {source}; region {region} from {regionSource}; STS at {stsEndpoint}, IAM at {iamEndpoint}.");
            if (!string.IsNullOrEmpty(options.AssumeRoleName))
            {
                var roleArn = $"arn:{partition.Id}:iam::{accountId}:role/{options.AssumeRoleName}";
                coreLog.Verbose($"Assuming {roleArn}.");
                using var sts = new StsClient(credentials, region, stsEndpoint, AwsHttp.RequestTimeout, policy, coreLog);
                var assumed = (await sts.AssumeRoleAsync(roleArn, SessionName, ct).ConfigureAwait(false)).Credentials;
                Redactor.Register(assumed.SecretAccessKey);
                Redactor.Register(assumed.SessionToken);
                credentials = new SessionAWSCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken);
                source = $"{source}, then the role {options.AssumeRoleName}";
            }

            using (var sts = new StsClient(credentials, region, stsEndpoint, AwsHttp.RequestTimeout, policy, coreLog))
            {
                var identity = await sts.GetCallerIdentityAsync(ct).ConfigureAwait(false);
                if (identity.Account != accountId)
                    throw new DynatraceAwsException("WrongAccount", FailureCategory.InvalidArgument,
                        $"The AWS credentials ({source}) belong to account {identity.Account}, not to {accountId}; nothing was created.",
                        "Use credentials of the target account (-ProfileName), or reach it from the management account with -AssumeRoleName OrganizationAccountAccessRole.");
                coreLog.Verbose($"Working in AWS account {accountId} as {identity.Arn}.");
                return new AwsAccountAccess(accountId, identity.Arn, partition, iamEndpoint, new SdkCredentialSource(credentials), source);
            }
        }
    }
}
