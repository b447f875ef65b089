using System;
using DynatraceAws.Emulator.Aws.Iam;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws;

/// <summary>One verified request as an operation sees it, run under the state's lock.</summary>
internal sealed record AwsCall(AwsState State, AwsCaller Caller, QueryParameters Parameters, DateTimeOffset Now)
{
    /// <summary>The IAM entities of the caller's account.</summary>
    public IamAccount Account => State.Account(Caller.AccountId);
}
