using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using DynatraceAws.Core.Http;
using RetryPolicy = DynatraceAws.Core.Http.RetryPolicy;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>
    /// STS through AWSSDK.SecurityToken, with the SDK's own retries switched off so that the
    /// module's one retry policy decides. Each attempt is traced in the debug stream, as IAM's are.
    /// </summary>
    internal sealed class StsClient : IDisposable
    {
        private readonly AmazonSecurityTokenServiceClient _sts;
        private readonly RetryPolicy _retry;
        private readonly AdaptiveConcurrency _requests;
        private readonly ICoreLog _log;
        private readonly string _endpointName;

        /// <param name="requests">The caller's STS concurrency limit (<see cref="ConcurrencyFor"/>); one of its own when left out.</param>
        public StsClient(AWSCredentials credentials, string region, Uri endpoint, TimeSpan timeout, RetryPolicy retry, ICoreLog? log = null,
            AdaptiveConcurrency? requests = null)
        {
            _sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoint.ToString(),
                AuthenticationRegion = region,
                MaxErrorRetry = 0,
                Timeout = timeout,
            });
            _retry = retry;
            _endpointName = "STS at " + endpoint.Authority;
            _requests = requests ?? ConcurrencyFor("(unnamed)");
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>STS throttles per caller (Throttling); a run assumes a role in every account with the same credentials.</summary>
        public static AdaptiveConcurrency ConcurrencyFor(string caller) => new AdaptiveConcurrency($"STS for {caller}", 8, 64);

        /// <returns>The account and ARN of whoever the credentials belong to.</returns>
        public Task<GetCallerIdentityResponse> GetCallerIdentityAsync(CancellationToken ct) =>
            CallAsync("GetCallerIdentity", token => _sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), token), ct);

        public Task<AssumeRoleResponse> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken ct) =>
            CallAsync("AssumeRole", token => _sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = roleArn,
                RoleSessionName = sessionName,
                DurationSeconds = 3600,
            }, token), ct);

        private Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
            where T : AmazonWebServiceResponse =>
            _retry.ExecuteAsync("STS " + operation, attemptToken => _requests.RunAsync(operation, _log, async token =>
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    var response = await call(token).ConfigureAwait(false);
                    _log.Debug($"STS {operation} -> {(int)response.HttpStatusCode} in {clock.ElapsedMilliseconds} ms");
                    return response;
                }
                catch (Exception ex) when ((ex as HttpRequestException ?? (ex as AmazonServiceException)?.InnerException as HttpRequestException) is { } http)
                {
                    throw new HttpRequestException($"{_endpointName} could not be reached by {operation} ({http.Message.TrimEnd('.')}).", http);
                }
                catch (AmazonServiceException ex)
                {
                    _log.Debug($"STS {operation} -> {(int)ex.StatusCode} {ex.ErrorCode} in {clock.ElapsedMilliseconds} ms");
                    throw StsException.From(operation, ex);
                }
                catch (TaskCanceledException) when (!token.IsCancellationRequested)
                {
                    throw new TimeoutException($"STS {operation} did not answer in time.");
                }
            }, attemptToken), _log, ct, _endpointName);

        public void Dispose() => _sts.Dispose();
    }
}
