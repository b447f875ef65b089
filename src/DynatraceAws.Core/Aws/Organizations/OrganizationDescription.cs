namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>The organization as DescribeOrganization gives it.</summary>
    public sealed class OrganizationDescription
    {
        public OrganizationDescription(string id, string arn, string managementAccountId, string featureSet)
        {
            Id = id;
            Arn = arn;
            ManagementAccountId = managementAccountId;
            FeatureSet = featureSet;
        }

        public string Id { get; }
        public string Arn { get; }

        /// <summary>MasterAccountId in the API.</summary>
        public string ManagementAccountId { get; }

        public string FeatureSet { get; }

        public override string ToString() => Id;
    }
}
