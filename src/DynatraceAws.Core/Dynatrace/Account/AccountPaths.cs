using System;

namespace DynatraceAws.Core.Dynatrace.Account
{
    internal static class AccountPaths
    {
        public static string Of(DynatraceAccount account, string collection) =>
            $"/iam/v1/accounts/{Uri.EscapeDataString(account.AccountUuid)}/{collection}";
    }
}
