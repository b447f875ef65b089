using System;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>An OAuth access token and the moment it stops being worth sending.</summary>
    internal sealed class AccessToken
    {
        /// <summary>Refresh this long before expiry, so that no request leaves with a token that expires on the way.</summary>
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

        public AccessToken(string value, DateTimeOffset issuedAt, TimeSpan lifetime)
        {
            Value = value;
            // A token shorter-lived than twice the margin would otherwise be stale on arrival.
            var margin = lifetime < RefreshMargin + RefreshMargin ? TimeSpan.FromTicks(lifetime.Ticks / 2) : RefreshMargin;
            RefreshAt = issuedAt + lifetime - margin;
        }

        public string Value { get; }
        public DateTimeOffset RefreshAt { get; }

        public string HeaderValue => "Bearer " + Value;
    }
}
