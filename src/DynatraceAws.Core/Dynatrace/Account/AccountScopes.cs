namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>The OAuth scopes of the account management API (dynatrace-api.md section 4).</summary>
    public static class AccountScopes
    {
        public const string ResourcePrefix = "urn:dtaccount:";
        public const string PoliciesManagement = "iam-policies-management";
        public const string IdentitiesRead = "account-idm-read";
        public const string IdentitiesWrite = "account-idm-write";
        public const string PlatformTokensManage = "platform-token:tokens:manage";

        /// <summary>What onboarding's prerequisites need: policies and bindings, groups and service users, platform tokens.</summary>
        public static readonly string[] Defaults = { PoliciesManagement, IdentitiesRead, IdentitiesWrite, PlatformTokensManage };

        public static string Resource(string accountUuid) => ResourcePrefix + accountUuid;
    }
}
