using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws.Access;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Secrets;
using Xunit;

namespace DynatraceAws.Core.Tests.Http;

/// <summary>A refused connection names what could not be reached, so that a wrong address or endpoint variable shows in the error.</summary>
public class UnreachableEndpointTests
{
    private static readonly RetryPolicy Once = new(1);

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Dynatrace_names_the_call_and_the_address()
    {
        var port = ClosedPort();
        using var environment = DynatraceEnvironment.WithPlatformToken($"http://127.0.0.1:{port}", SecureStrings.FromPlainText("dt0s16.X"), "abc12345");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => new AwsConnections(environment, null, Once).ListAsync(CancellationToken.None));

        Assert.StartsWith($"List settings objects: Dynatrace at 127.0.0.1:{port} could not be reached (", error.Message);
        Assert.Equal("ConnectionFailed", Failure.Of(error).ErrorId);
    }

    [Fact]
    public async Task STS_names_the_endpoint_and_the_call()
    {
        var port = ClosedPort();
        var aws = new AwsCredentialOptions
        {
            AccessKey = "AKIDEMU123456789012",
            SecretKey = SecureStrings.FromPlainText("emu-secret-123456789012"),
            Region = "us-east-1",
            EndpointUrl = new Uri($"http://127.0.0.1:{port}"),
        };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => AwsAccountAccess.OpenAsync("123456789012", aws, null, Once, CancellationToken.None));

        Assert.StartsWith($"STS at 127.0.0.1:{port} could not be reached by GetCallerIdentity (", error.Message);
    }
}
