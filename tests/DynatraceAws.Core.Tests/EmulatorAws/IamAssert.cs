using System;
using System.Net;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Iam;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

internal static class IamAssert
{
    /// <summary>The call fails with that IAM error code, HTTP status and (when given) exactly that message.</summary>
    public static async Task<IamException> FailsAsync(Func<Task> call, string code, HttpStatusCode status, string? message = null)
    {
        var error = await Assert.ThrowsAsync<IamException>(call);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.StatusCode);
        if (message is not null) Assert.Equal(message, error.ServiceMessage);
        return error;
    }
}
