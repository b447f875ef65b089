using System.Security;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>
    /// What seed 000 needs before onboarding: the policy, the service user bound to it, and its
    /// platform token. Token is the secret of a token minted by this run, null when one was reused.
    /// </summary>
    public sealed class OnboardingPrerequisites
    {
        internal OnboardingPrerequisites(IamPolicy policy, ServiceUser serviceUser, string groupUuid, string tokenId, string tokenName,
            SecureString? token, bool changed)
        {
            PolicyUuid = policy.Uuid;
            PolicyName = policy.Name;
            ServiceUserUid = serviceUser.Uid;
            ServiceUserName = serviceUser.Name;
            GroupUuid = groupUuid;
            TokenId = tokenId;
            TokenName = tokenName;
            Token = token;
            Changed = changed;
        }

        public string PolicyUuid { get; }
        public string PolicyName { get; }
        public string ServiceUserUid { get; }
        public string ServiceUserName { get; }
        public string GroupUuid { get; }
        public string TokenId { get; }
        public string TokenName { get; }
        public SecureString? Token { get; }

        /// <summary>False when a rerun found everything in place.</summary>
        public bool Changed { get; }

        /// <summary>An environment connection with the new token, when the caller asked for one and a token was minted.</summary>
        public DynatraceEnvironment? Connection { get; internal set; }
    }
}
