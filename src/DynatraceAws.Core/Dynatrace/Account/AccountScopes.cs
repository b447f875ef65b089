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
        public const string PlatformTokensWrite = "platform-token:tokens:write";

        /// <summary>
        /// What onboarding's prerequisites need: policies and bindings, groups and service users, platform
        /// tokens. The sources name the platform token scope three ways (docs/api-facts.md), so all three are asked for.
        /// </summary>
        public static readonly string[] Defaults = { PoliciesManagement, IdentitiesRead, IdentitiesWrite, PlatformTokensManage, PlatformTokensWrite };

        /// <summary>
        /// The platform token spellings of the docs' account-idm-read and account-idm-write: asked for by
        /// default, and left out of the token when the OAuth client does not hold them.
        /// </summary>
        public static readonly string[] Alternatives = { PlatformTokensManage, PlatformTokensWrite };

        public static string Resource(string accountUuid) => ResourcePrefix + accountUuid;
    }
}
