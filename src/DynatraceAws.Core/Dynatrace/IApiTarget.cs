using System.Net.Http;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>What <see cref="DynatraceApi"/> sends through: an environment or the account management API.</summary>
    internal interface IApiTarget
    {
        IAuthorization Authorization { get; }
        HttpClient Http { get; }
        AdaptiveConcurrency Requests { get; }
    }
}
