using System;

namespace DynatraceAws.Core.Http
{
    /// <summary>An error that may succeed when the same request is sent again.</summary>
    public interface ITransientFailure
    {
        bool IsTransient { get; }

        /// <summary>How long the server asked us to wait, when it said so.</summary>
        TimeSpan? RetryAfter { get; }
    }
}
