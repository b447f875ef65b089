namespace DynatraceAws.Core.Classic
{
    /// <summary>The partitionType values of the classic AWS credentials API.</summary>
    public static class AwsPartitionTypes
    {
        public const string Default = "AWS_DEFAULT";
        public const string China = "AWS_CN";
        public const string GovCloud = "AWS_US_GOV";

        public static readonly string[] All = { Default, China, GovCloud };
    }
}
