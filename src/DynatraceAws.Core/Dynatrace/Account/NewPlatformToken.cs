using System;
using System.Collections.Generic;
using System.Security;
using DynatraceAws.Core.Plans;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>A platform token just minted: the one time its secret is known, held as a SecureString.</summary>
    public sealed class NewPlatformToken : PlanResult
    {
        public NewPlatformToken(string tokenId, string name, SecureString token, IReadOnlyList<string> scope, DateTimeOffset expirationDate, string userUuid)
        {
            TokenId = tokenId;
            Name = name;
            Token = token;
            Scope = new ReportList<string>(scope);
            ExpirationDate = expirationDate;
            UserUuid = userUuid;
        }

        public string TokenId { get; }
        public string Name { get; }
        public SecureString Token { get; }
        public ReportList<string> Scope { get; }
        public DateTimeOffset ExpirationDate { get; }
        public string UserUuid { get; }

        public override string ToString() => Name;
    }
}
