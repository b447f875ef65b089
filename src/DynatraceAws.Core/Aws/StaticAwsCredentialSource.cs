using System;
using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Aws
{
    /// <summary>Keys given literally (-AccessKey/-SecretKey/-SessionToken, or already resolved).</summary>
    public sealed class StaticAwsCredentialSource : IAwsCredentialSource
    {
        private readonly Task<AwsCredentials> _credentials;

        public StaticAwsCredentialSource(AwsCredentials credentials)
        {
            _credentials = Task.FromResult(credentials ?? throw new ArgumentNullException(nameof(credentials)));
        }

        public Task<AwsCredentials> GetAsync(CancellationToken ct) => _credentials;

        public override string ToString() => _credentials.Result.ToString();
    }
}
