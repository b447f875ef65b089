using System.Collections.Generic;

namespace DynatraceAws.Emulator.Aws.Sts;

/// <summary>STS (API version 2011-06-15).</summary>
internal static class StsService
{
    public static AwsService Definition { get; } = new("sts", "2011-06-15", AwsXml.StsNamespace, new Dictionary<string, AwsOperation>
    {
        ["GetCallerIdentity"] = StsOperations.GetCallerIdentity,
        ["AssumeRole"] = StsOperations.AssumeRole,
    });
}
