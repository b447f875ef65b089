using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;
using RetryPolicy = DynatraceAws.Core.Http.RetryPolicy;

namespace DynatraceAws.Core.Aws.Access
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
            IamRequests = IamClient.ConcurrencyFor(accountId);
        }

        public string AccountId { get; }
        public string CallerArn { get; }
        public AwsPartition Partition { get; }
        public Uri IamEndpoint { get; }
        public string CredentialSource { get; }
        internal IAwsCredentialSource Credentials { get; }

        /// <summary>IAM throttles per account: every client of this access shares one limit.</summary>
        internal AdaptiveConcurrency IamRequests { get; }

        public IamClient Iam(RetryPolicy? retry = null, ICoreLog? log = null) =>
            new IamClient(AwsHttp.Shared, IamEndpoint, Partition.IamSigningRegion, Credentials, retry, log, IamRequests);

        /// <summary>
        /// Proves the credentials reach <paramref name="accountId"/> before anything is written. With
        /// AssumeRoleName the role is assumed in the account, unless the credentials are in that
        /// account already (an organization's management account has no OrganizationAccountAccessRole):
        /// then they are used directly. Whom the credentials belong to is asked once per run (<paramref name="callers"/>).
        /// </summary>
        public static async Task<AwsAccountAccess> OpenAsync(string accountId, AwsCredentialOptions options, ICoreLog? log,
            RetryPolicy? retry, CancellationToken ct, CallerIdentities? callers = null)
        {
            var coreLog = RedactingLog.Wrap(log);
            var policy = retry ?? RetryPolicy.Default;
            InputRules.AccountId(accountId);
            if (!string.IsNullOrEmpty(options.AssumeRoleName)) InputRules.AssumeRoleName(options.AssumeRoleName);
            var (credentials, source, region, partition, stsEndpoint, iamEndpoint, stsRequests, caller) =
                await CallerAsync(options, coreLog, policy, callers ?? new CallerIdentities(), ct).ConfigureAwait(false);

            if (caller.Account == accountId || string.IsNullOrEmpty(options.AssumeRoleName))
            {
                if (caller.Account != accountId)
                    throw new DynatraceAwsException("WrongAccount", FailureCategory.InvalidArgument,
                        $"The AWS credentials ({source}) belong to account {caller.Account}, not to {accountId}; nothing was created.",
                        "Use credentials of the target account (-ProfileName), or reach it from the management account with -AssumeRoleName OrganizationAccountAccessRole.");
                if (!string.IsNullOrEmpty(options.AssumeRoleName))
                    coreLog.Verbose($"The AWS credentials ({source}) are in account {accountId} already; using them without assuming {options.AssumeRoleName}.");
                coreLog.Verbose($"Working in AWS account {accountId} as {caller.Arn}.");
                return new AwsAccountAccess(accountId, caller.Arn, partition, iamEndpoint, new SdkCredentialSource(credentials), source);
            }

            var roleArn = $"arn:{partition.Id}:iam::{accountId}:role/{options.AssumeRoleName}";
            coreLog.Verbose($"Assuming {roleArn}.");
            using (var sts = new StsClient(credentials, region, stsEndpoint, AwsHttp.RequestTimeout, policy, coreLog, stsRequests))
            {
                var assumed = await sts.AssumeRoleAsync(roleArn, SessionName, ct).ConfigureAwait(false);
                Redactor.Register(assumed.Credentials.SecretAccessKey);
                Redactor.Register(assumed.Credentials.SessionToken);
                // The temporary credentials are the role's, so they are in its account: STS's answer names it.
                var arn = assumed.AssumedRoleUser.Arn;
                var account = arn.Split(':') is { Length: > 4 } fields ? fields[4] : "";
                if (account != accountId)
                    throw new DynatraceAwsException("WrongAccount", FailureCategory.InvalidArgument,
                        $"Assuming {roleArn} gave credentials of account {account}, not of {accountId}; nothing was created.",
                        "Check -AssumeRoleName and the account id.");
                coreLog.Verbose($"Working in AWS account {accountId} as {arn}.");
                var session = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
                return new AwsAccountAccess(accountId, arn, partition, iamEndpoint, new SdkCredentialSource(session),
                    $"{source}, then the role {options.AssumeRoleName}");
            }
        }

        /// <summary>
        /// Asks STS whom the credentials belong to, ahead of the account that will need it, so that the
        /// call overlaps the run's other reads. It names no account; a failure is left for that account to report.
        /// </summary>
        public static void KnowCaller(AwsCredentialOptions options, ICoreLog? log, RetryPolicy? retry, CallerIdentities callers, CancellationToken ct) =>
            _ = Task.Run(() => CallerAsync(options, RedactingLog.Wrap(log), retry ?? RetryPolicy.Default, callers, ct), ct)
                .ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

        private static async Task<(AWSCredentials Credentials, string Source, string Region, AwsPartition Partition, Uri StsEndpoint, Uri IamEndpoint,
            AdaptiveConcurrency StsRequests, CallerIdentity Caller)> CallerAsync(AwsCredentialOptions options, ICoreLog coreLog, RetryPolicy policy,
            CallerIdentities identities, CancellationToken ct)
        {
            var (region, regionSource) = AwsRegion.Resolve(options, Environment.GetEnvironmentVariable);
            var partition = AwsPartition.ForDynatraceMonitoring(region);
            var stsEndpoint = ConfiguredEndpoint.For(ConfiguredEndpoint.Sts, options.EndpointUrl, Environment.GetEnvironmentVariable) ?? partition.StsEndpoint(region);
            var iamEndpoint = ConfiguredEndpoint.For(ConfiguredEndpoint.Iam, options.EndpointUrl, Environment.GetEnvironmentVariable) ?? partition.IamEndpoint;

            var (credentials, source) = SdkCredentials.Resolve(options);
            coreLog.Debug($"AWS credentials from {source}; region {region} from {regionSource}; STS at {stsEndpoint}, IAM at {iamEndpoint}.");
            var key = source + "/" + (await credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
            var stsRequests = identities.StsRequests(key, source);
            var caller = await identities.GetAsync(key, async () =>
            {
                using var sts = new StsClient(credentials, region, stsEndpoint, AwsHttp.RequestTimeout, policy, coreLog, stsRequests);
                var identity = await sts.GetCallerIdentityAsync(ct).ConfigureAwait(false);
                return new CallerIdentity(identity.Account, identity.Arn);
            }).ConfigureAwait(false);
            return (credentials, source, region, partition, stsEndpoint, iamEndpoint, stsRequests, caller);
        }
    }
}
