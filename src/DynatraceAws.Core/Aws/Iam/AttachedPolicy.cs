namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>A managed policy attached to a role, as ListAttachedRolePolicies names it.</summary>
    public sealed class AttachedPolicy
    {
        public AttachedPolicy(string policyName, string policyArn)
        {
            PolicyName = policyName;
            PolicyArn = policyArn;
        }

        public string PolicyName { get; }

        public string PolicyArn { get; }

        public override string ToString() => PolicyArn;
    }
}
