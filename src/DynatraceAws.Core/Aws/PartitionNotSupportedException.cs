using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Aws
{
    /// <summary>A region outside the commercial partition, where Dynatrace's principal cannot be trusted.</summary>
    public sealed class PartitionNotSupportedException : DynatraceAwsException
    {
        public PartitionNotSupportedException(string region, AwsPartition partition, string fieldName)
            : base("PartitionNotSupported", FailureCategory.InvalidArgument,
                $"{fieldName} '{region}' is in the AWS partition {partition.Id}. Dynatrace monitors AWS from an " +
                "account of the commercial partition (aws), and IAM roles cannot trust principals of another partition.",
                $"Use a region of the commercial partition for {fieldName}, such as us-east-1 or eu-central-1.")
        {
            Field = Redactor.Redact(fieldName);
            Region = Redactor.Redact(region);
            PartitionId = partition.Id;
        }

        public string Field { get; }

        public string Region { get; }

        public string PartitionId { get; }
    }
}
