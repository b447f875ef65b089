using System.Threading;
using System.Threading.Tasks;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>Produces the Authorization header value for a request.</summary>
    public interface IAuthorization
    {
        /// <summary>How the user authenticated, for display: never the secret.</summary>
        string Kind { get; }

        Task<string> HeaderValueAsync(CancellationToken cancellationToken);
    }
}
