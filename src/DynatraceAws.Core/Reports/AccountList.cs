using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Reports
{
    /// <summary>Accounts named in a message said once per run instead of once per row.</summary>
    public static class AccountList
    {
        private const int Shown = 5;

        /// <summary>"7 account(s) (111111111111, ... 555555555555 and 2 more)".</summary>
        public static string Named(IReadOnlyCollection<string> accounts) =>
            $"{accounts.Count} account(s) ({string.Join(", ", accounts.Take(Shown))}{(accounts.Count > Shown ? $" and {accounts.Count - Shown} more" : "")})";
    }
}
