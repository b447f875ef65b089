using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// Where the AWS clients get their keys. Asked before every request, so a source that refreshes
    /// temporary credentials hands out fresh ones.
    /// </summary>
    public interface IAwsCredentialSource
    {
        Task<AwsCredentials> GetAsync(CancellationToken ct);
    }
}
