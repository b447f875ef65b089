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

        /// <summary>
        /// Forgets a header value Dynatrace rejected as expired. True when the next
        /// <see cref="HeaderValueAsync"/> may bring a fresh one, so the request is worth sending again.
        /// </summary>
        bool Invalidate(string rejectedHeaderValue);
    }
}
