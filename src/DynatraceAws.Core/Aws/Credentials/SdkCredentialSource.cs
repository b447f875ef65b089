using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace DynatraceAws.Core.Aws.Credentials
{
    /// <summary>Hands SDK credentials (which may refresh themselves) to our IAM client.</summary>
    internal sealed class SdkCredentialSource : IAwsCredentialSource
    {
        private readonly AWSCredentials _credentials;

        public SdkCredentialSource(AWSCredentials credentials) => _credentials = credentials;

        public async Task<AwsCredentials> GetAsync(CancellationToken ct)
        {
            var current = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
            return new AwsCredentials(current.AccessKey, current.SecretKey, current.UseToken ? current.Token : null);
        }

        public override string ToString() => _credentials.GetType().Name;
    }
}
