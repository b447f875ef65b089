using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using Xunit;

namespace DynatraceAws.Core.Tests.Security;

/// <summary>https only (http on the loopback alone), certificates always validated, every request bounded in time.</summary>
public sealed class TransportRulesTests
{
    [Theory]
    [InlineData("http://abc12345.apps.dynatrace.com")]
    [InlineData("http://abc12345.live.dynatrace.com:80")]
    [InlineData("http://localhost.attacker.example")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://10.0.0.1:8080")]
    [InlineData("http://[fe80::1]")]
    [InlineData("ftp://abc12345.apps.dynatrace.com")]
    [InlineData("ws://abc12345.apps.dynatrace.com")]
    [InlineData("file:///etc/passwd")]
    public void Plain_http_and_other_schemes_are_refused_off_the_loopback(string url)
    {
        var error = Assert.Throws<InvalidInputException>(() => EnvironmentUrl.Parse(url));
        Assert.Equal("EnvironmentUrl", error.Field);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://localhost:1234", "http://localhost:1234")]
    [InlineData("http://[::1]:1234", "http://[::1]:1234")]
    [InlineData("https://abc12345.apps.dynatrace.com", "https://abc12345.apps.dynatrace.com")]
    [InlineData("abc12345.live.dynatrace.com", "https://abc12345.apps.dynatrace.com")]
    public void Https_anywhere_and_http_on_the_loopback_are_accepted(string url, string expected)
    {
        Assert.Equal(expected, EnvironmentUrl.Parse(url, "abc12345").ToString());
    }

    private static readonly string[] CertificateBypasses =
    {
        "ServerCertificateCustomValidationCallback",
        "DangerousAcceptAnyServerCertificateValidator",
        "ServerCertificateValidationCallback",
        "RemoteCertificateValidationCallback",
        "CheckCertificateRevocationList = false",
    };

    [Fact]
    public void No_source_file_turns_certificate_validation_off()
    {
        var files = SourceFiles();
        Assert.Contains(files, f => f.EndsWith("DynatraceApi.cs", StringComparison.Ordinal));
        var found = files.SelectMany(f => CertificateBypasses.Where(File.ReadAllText(f).Contains).Select(b => $"{Path.GetFileName(f)}: {b}"));
        Assert.Empty(found);
    }

    [Fact]
    public void Every_HttpClient_Core_builds_sets_a_timeout()
    {
        var creations = SourceFiles()
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"new HttpClient\b[^;]*;", RegexOptions.Singleline)
                .Select(m => (File: Path.GetFileName(f), Code: m.Value)))
            .ToArray();
        Assert.Contains(creations, c => c.File == "DynatraceEnvironment.cs");
        Assert.Contains(creations, c => c.File == "AwsHttp.cs");
        Assert.All(creations, c => Assert.True(c.Code.Contains("Timeout ="), $"{c.File} builds an HttpClient without a Timeout: {c.Code}"));
    }

    [Fact]
    public void The_clients_Core_uses_have_finite_timeouts()
    {
        using var environment = DynatraceEnvironment.WithPlatformToken("https://abc12345.apps.dynatrace.com",
            Support.EmulatorTest.SecureText("zz-transport-test-token"));
        AssertFinite(environment.Http.Timeout);
        AssertFinite(AwsHttp.Shared.Timeout);
        AssertFinite(AwsHttp.RequestTimeout);

        using var sts = new StsClient(new Amazon.Runtime.BasicAWSCredentials("AKIDTRANSPORT", "zz-transport-secret"), "us-east-1",
            new Uri("https://sts.us-east-1.amazonaws.com"), AwsHttp.RequestTimeout, RetryPolicy.Default);
        var sdk = (Amazon.SecurityToken.AmazonSecurityTokenServiceClient)typeof(StsClient)
            .GetField("_sts", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(sts)!;
        AssertFinite(sdk.Config.Timeout ?? Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void An_infinite_Dynatrace_request_timeout_is_refused()
    {
        var url = EnvironmentUrl.Parse("https://abc12345.apps.dynatrace.com");
        var token = new PlatformTokenAuthorization(Support.EmulatorTest.SecureText("zz-transport-test-token"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DynatraceEnvironment(url, token, requestTimeout: Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DynatraceEnvironment(url, token, requestTimeout: TimeSpan.Zero));
    }

    private static void AssertFinite(TimeSpan timeout) =>
        Assert.True(timeout > TimeSpan.Zero && timeout <= TimeSpan.FromMinutes(5), $"timeout {timeout} is not finite and bounded");

    private static string[] SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DynatraceAws.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var sep = Path.DirectorySeparatorChar;
        var files = Directory.GetFiles(Path.Combine(dir!.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}"))
            .ToArray();
        Assert.True(files.Length > 50, $"only {files.Length} source files found");
        return files;
    }
}
