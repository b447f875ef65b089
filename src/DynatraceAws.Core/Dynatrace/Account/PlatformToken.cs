using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>A platform token as listed: never its secret.</summary>
    public sealed class PlatformToken
    {
        public PlatformToken(string tokenId, string name, IReadOnlyList<string> scope, DateTimeOffset? expirationDate, string userUuid)
        {
            TokenId = tokenId;
            Name = name;
            Scope = new ReportList<string>(scope);
            ExpirationDate = expirationDate;
            UserUuid = userUuid;
        }

        public string TokenId { get; }
        public string Name { get; }
        public ReportList<string> Scope { get; }
        public DateTimeOffset? ExpirationDate { get; }
        public string UserUuid { get; }

        public override string ToString() => Name;

        internal static PlatformToken From(JsonNode node) => new PlatformToken((string?)node["tokenId"] ?? "", (string?)node["name"] ?? "",
            ((node["scope"] as JsonArray) ?? new JsonArray()).Select(s => (string?)s ?? "").ToArray(),
            DateTimeOffset.TryParse((string?)node["expirationDate"], out var expires) ? expires : (DateTimeOffset?)null,
            (string?)node["userUuid"] ?? "");
    }
}
