using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>One policy bound to one group at a level.</summary>
    public sealed class PolicyBinding : PlanResult
    {
        public PolicyBinding(string policyUuid, string groupUuid, string levelType, string levelId)
        {
            PolicyUuid = policyUuid;
            GroupUuid = groupUuid;
            LevelType = levelType;
            LevelId = levelId;
        }

        public string PolicyUuid { get; }
        public string GroupUuid { get; }
        public string LevelType { get; }
        public string LevelId { get; }
    }
}
