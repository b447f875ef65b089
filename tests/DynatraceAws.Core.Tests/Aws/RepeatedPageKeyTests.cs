using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Tests.Organizations;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws;

/// <summary>
/// The IAM and Organizations clients against a server that ignores the page key and names the same
/// key again: they stop with the pager's ListPagingFailed after the page that repeated it, instead of
/// reading in a loop.
/// </summary>
public class RepeatedPageKeyTests : EmulatorTest
{
    [Fact]
    public async Task An_IAM_marker_that_comes_back_is_ListPagingFailed_after_two_pages()
    {
        var keys = Emulator.Aws.AddAccount("210987654321");
        var iam = new IamClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Emulator.BaseUrl, "us-east-1",
            new StaticAwsCredentialSource(new AwsCredentials(keys.AccessKeyId, keys.SecretAccessKey)), Retry, Log);
        var policy = await iam.CreatePolicyAsync(new CreatePolicyRequest("paged", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"," +
            "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"), CancellationToken.None);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RepeatPageKey, Service = "iam", Operation = "ListPolicyVersions" });

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => iam.ListPolicyVersionsAsync(policy.Arn, CancellationToken.None));

        Assert.Equal("ListPagingFailed", error.ErrorId);
        Assert.Equal(FailureCategory.ProtocolError, error.Category);
        Assert.Contains("IAM answered the request for page 2 (Marker)", error.Message);
        Assert.Equal(2, Emulator.Log.Entries.Count(e => e.Operation == "ListPolicyVersions"));
    }

    [Fact]
    public async Task An_Organizations_NextToken_that_comes_back_is_ListPagingFailed_after_two_pages()
    {
        var tree = OrganizationTree.Build(Emulator);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RepeatPageKey, Service = "organizations", Operation = "ListAccounts" });

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => tree.Client(Emulator, Retry).ListAccountsAsync(CancellationToken.None));

        Assert.Equal("ListPagingFailed", error.ErrorId);
        Assert.Contains("Organizations answered the request for page 2 (NextToken)", error.Message);
        Assert.Equal(2, Emulator.Log.Entries.Count(e => e.Operation == "ListAccounts"));
    }
}
